// Packs the app with the real electron-builder.yml against an Electron stand-in (its binaries carry Electron's
// fuse wire at Electron's defaults) and reads back what the packaged binary and archive hold.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Resedit from 'resedit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createElectronStandIn } from '../../tools/lib/electron-stand-in.mjs';
import { asarEntry, readAsarFile, readAsarHeader } from '../support/asar-header';
import { builtFile, projectRoot } from '../support/built';
import { downloadedFiles, runPackageScript } from '../support/package-app';
import { tempDir } from '../support/temp-dir';

const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);
const EXPECTED_FUSES: Record<keyof typeof FuseV1Options, number> = {
  RunAsNode: OFF,
  EnableCookieEncryption: ON,
  EnableNodeOptionsEnvironmentVariable: OFF,
  EnableNodeCliInspectArguments: OFF,
  EnableEmbeddedAsarIntegrityValidation: ON,
  OnlyLoadAppFromAsar: ON,
  LoadBrowserProcessSpecificV8Snapshot: OFF,
  GrantFileProtocolExtraPrivileges: OFF,
};
// The files the packaged app loads from outside the archive (src/main/app.ts's packagedFfmpegDir, better-sqlite3).
const UNPACKED = ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/ffmpeg-static/index.js'];

async function expectFusesOf(binary: string) {
  const wire = await getCurrentFuseWire(binary);
  const read = Object.fromEntries(
    Object.keys(EXPECTED_FUSES).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]]]),
  );
  expect(read).toEqual(EXPECTED_FUSES);
}

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
  for (const file of UNPACKED) {
    expect(asarEntry(root, file)?.unpacked, file).toBe(true);
    expect(fs.statSync(path.join(resources, 'app.asar.unpacked', file)).size, file).toBe(asarEntry(root, file)?.size);
  }
}

/** Packs for `platform` (`--linux` or `--win`) into a fresh folder; returns its `*-unpacked` folder. */
async function pack(platformFlag: string, extraArgs: string[] = []) {
  const dir = tempDir('irec-pack-');
  const standIn = createElectronStandIn(dir);
  const cache = path.join(dir, 'download-cache');
  const version = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  const args = [
    ...['--skip-build', '--allow-electron-stand-in-for-tests', '--electron-dist', standIn, platformFlag, 'dir'],
    ...['-c.npmRebuild=false', `-c.electronVersion=${version}`, `-c.directories.output=${path.join(dir, 'out')}`, ...extraArgs],
  ];
  const started = Date.now();
  const run = await runPackageScript(args, cache);
  console.log(`packed ${platformFlag} dir in ${((Date.now() - started) / 1000).toFixed(1)} s`); // a figure, not an assertion
  expect(run.code, run.output).toBe(0);
  expect(downloadedFiles(cache), 'electron-builder downloaded something').toEqual([]);
  const [appOutDir] = fs.readdirSync(path.join(dir, 'out')).filter((name) => name.endsWith('-unpacked'));
  return { dir, appOutDir: path.join(dir, 'out', appOutDir!) };
}

describe('the packaged app', () => {
  beforeAll(() => void builtFile('main/index.cjs'));

  it('on Linux has every fuse set and runs from app.asar, native modules and ffmpeg unpacked beside it', { timeout: 300_000 }, async () => {
    const { appOutDir } = await pack('--linux');
    await expectFusesOf(path.join(appOutDir, 'interview-recorder'));
    expectAppArchive(appOutDir);
  });

  it('on Windows also carries the ASAR integrity hash of that app.asar', { timeout: 300_000 }, async () => {
    // The .png icon would need electron-builder's icon converter, a download; an .ico made here needs nothing.
    const icon = path.join(tempDir(), 'icon.ico');
    const png = fs.readFileSync(path.join(projectRoot, 'assets', 'icon.png'));
    fs.writeFileSync(icon, icoWrapping(png));
    const { appOutDir } = await pack('--win', [`-c.win.icon=${icon}`]);
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

  it("says how to get Electron's runtime when the folder has none", async () => {
    const dir = tempDir('irec-pack-');
    const run = await runPackageScript(['--electron-dist', dir, '--linux', 'dir'], dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Packaging needs Electron's runtime, which \`npm ci\` does not download; ${dir} has none`);
    expect(run.output).toContain('--electron-dist <dir>');
  });
});

/** An .ico holding the PNG as its one image (Windows Vista and later read PNG-compressed icons). */
function icoWrapping(png: Buffer): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image; width and height 0 mean 256
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

/** The ELECTRONASAR resource electron-builder writes into the Windows executable, parsed. */
function integrityResource(exe: string): Array<{ file: string; alg: string; value: string }> {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  const { NtExecutable, NtExecutableResource } = fromBuilder('resedit') as typeof Resedit;
  const resource = NtExecutableResource.from(NtExecutable.from(fs.readFileSync(exe)));
  const entry = resource.entries.find((candidate) => candidate.type === 'INTEGRITY' && candidate.id === 'ELECTRONASAR');
  if (!entry) throw new Error(`${exe} has no ELECTRONASAR integrity resource`);
  return JSON.parse(Buffer.from(entry.bin).toString('utf8')) as Array<{ file: string; alg: string; value: string }>;
}
