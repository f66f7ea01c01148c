import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath, isExecutableFile } from '../../src/core/platform/executables';
import { locateFfmpegTool, outsideAsar } from '../../src/core/services/media/locate-ffmpeg';
import { tempDir } from '../support/temp-dir';

const systemFfmpeg = findOnPath('ffmpeg');

describe('ffmpeg location', () => {
  it('maps a packaged path inside app.asar to the unpacked copy', () => {
    expect(outsideAsar('/opt/App/resources/app.asar/node_modules/ffmpeg-static/ffmpeg')).toBe(
      '/opt/App/resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg',
    );
    expect(outsideAsar('C:\\App\\resources\\app.asar\\ffmpeg.exe')).toBe('C:\\App\\resources\\app.asar.unpacked\\ffmpeg.exe');
    expect(outsideAsar('/usr/bin/ffmpeg')).toBe('/usr/bin/ffmpeg');
  });

  it.runIf(systemFfmpeg)('finds ffmpeg on PATH and reads its version', () => {
    const report = locateFfmpegTool('ffmpeg', { env: { PATH: process.env.PATH } });
    expect(report).toMatchObject({ found: true, source: 'PATH', path: systemFfmpeg });
    expect(report.version).toMatch(/^ffmpeg version/);
  });

  it.runIf(systemFfmpeg)('prefers FFMPEG_PATH over everything else', () => {
    const dir = tempDir();
    const link = path.join(dir, 'my-ffmpeg');
    fs.symlinkSync(systemFfmpeg!, link);
    expect(locateFfmpegTool('ffmpeg', { env: { PATH: process.env.PATH, FFMPEG_PATH: link } })).toMatchObject({
      found: true,
      source: 'FFMPEG_PATH',
      path: link,
    });
  });

  it.runIf(systemFfmpeg)('uses the binary packaged with the app before ffmpeg-static and PATH', () => {
    const dir = tempDir();
    fs.symlinkSync(systemFfmpeg!, path.join(dir, 'ffmpeg'));
    expect(locateFfmpegTool('ffmpeg', { env: { PATH: '' }, packagedDir: dir })).toMatchObject({ found: true, source: 'packaged' });
  });

  it('explains a wrong FFMPEG_PATH and what to do when nothing is found', () => {
    // ffmpeg: its npm package's binary is never downloaded here (install scripts are off), unlike ffprobe's.
    const report = locateFfmpegTool('ffmpeg', { env: { PATH: tempDir(), FFMPEG_PATH: '/nowhere/ffmpeg' } });
    expect(report.found).toBe(false);
    expect(report.error).toContain('FFMPEG_PATH=/nowhere/ffmpeg is not an executable file');
    expect(report.error).toMatch(/apt-get install ffmpeg/);
  });

  it('reports a binary that exists but does not run', () => {
    const dir = tempDir();
    const fake = path.join(dir, 'ffmpeg');
    fs.writeFileSync(fake, '#!/bin/sh\necho "broken build" >&2\nexit 3\n', { mode: 0o755 });
    const report = locateFfmpegTool('ffmpeg', { env: { PATH: '', FFMPEG_PATH: fake } });
    expect(report.found).toBe(false);
    expect(report.error).toContain('exited with 3: broken build');
  });
});

describe('ffprobe shipped in an npm package', () => {
  const bundled = (() => {
    try {
      return (createRequire(import.meta.url)('@ffprobe-installer/ffprobe') as { path: string }).path;
    } catch {
      return null;
    }
  })();

  it.runIf(bundled && isExecutableFile(bundled))('is used before PATH once `npm run setup` made it executable', () => {
    expect(locateFfmpegTool('ffprobe', { env: { PATH: '' } })).toMatchObject({
      found: true,
      source: '@ffprobe-installer',
      path: bundled,
      version: expect.stringMatching(/^ffprobe version/),
    });
  });
});
