// Packing the app with tools/package.mjs against an Electron stand-in (tools/lib/electron-stand-in.mjs), offline,
// and reading back the fuses electron-builder.yml sets: shared by the packaging and installer tests.
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'vitest';
import { createElectronStandIn } from '../../tools/lib/electron-stand-in.mjs';
import { projectRoot } from './built';
import { downloadedFiles, runPackageScript } from './package-app';
import { tempDir } from './temp-dir';

const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);
// The fuses electron-builder.yml sets; WasmTrapHandlers (newer than electron-builder's own @electron/fuses) keeps
// Electron's default.
export const EXPECTED_FUSES: Partial<Record<keyof typeof FuseV1Options, number>> = {
  RunAsNode: OFF,
  EnableCookieEncryption: ON,
  EnableNodeOptionsEnvironmentVariable: OFF,
  EnableNodeCliInspectArguments: OFF,
  EnableEmbeddedAsarIntegrityValidation: ON,
  OnlyLoadAppFromAsar: ON,
  LoadBrowserProcessSpecificV8Snapshot: OFF,
  GrantFileProtocolExtraPrivileges: OFF,
};

export async function expectFusesOf(binary: string) {
  const wire = await getCurrentFuseWire(binary);
  const read = Object.fromEntries(
    Object.keys(EXPECTED_FUSES).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]]]),
  );
  expect(read).toEqual(EXPECTED_FUSES);
}

export interface StandInPack {
  /** The fresh folder everything is in (removed when the test ends; use `keep` for a beforeAll). */
  dir: string;
  /** electron-builder's output folder, where the installers land too. */
  outDir: string;
  /** Its `*-unpacked` folder. */
  appOutDir: string;
  output: string;
}

/**
 * Packs for `platformFlag` (`--linux` or `--win`) with `targets` (`dir`, or ours: deb, rpm, msi) into a fresh
 * folder. `env` adds to the script's environment; `cleanup` registers removing the folder (a beforeAll passes
 * afterAll). Windows packs use an .ico made here (from the .png electron-builder would fetch a converter).
 */
export async function packWithStandIn(
  platformFlag: '--linux' | '--win',
  targets: string[],
  { extraArgs = [], env = {}, dir = tempDir('irec-pack-') }: { extraArgs?: string[]; env?: Record<string, string>; dir?: string } = {},
): Promise<StandInPack> {
  const standIn = createElectronStandIn(dir);
  const cache = path.join(dir, 'download-cache');
  const version = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  const outDir = path.join(dir, 'out');
  const iconArgs = platformFlag === '--win' ? [`-c.win.icon=${windowsIcon(dir)}`] : [];
  const args = [
    ...['--skip-build', '--allow-electron-stand-in-for-tests', '--electron-dist', standIn, platformFlag, ...targets],
    ...['-c.npmRebuild=false', `-c.electronVersion=${version}`, `-c.directories.output=${outDir}`, ...iconArgs, ...extraArgs],
  ];
  const started = Date.now();
  const run = await runPackageScript(args, cache, env);
  console.log(`packed ${platformFlag} ${targets.join(' ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`); // a figure, not an assertion
  expect(run.code, run.output).toBe(0);
  expect(downloadedFiles(cache), 'electron-builder downloaded something').toEqual([]);
  const [appOutDir] = fs.readdirSync(outDir).filter((name) => name.endsWith('-unpacked'));
  return { dir, outDir, appOutDir: path.join(outDir, appOutDir!), output: run.output };
}

/** An .ico holding the app's PNG icon as its one image (Windows Vista and later read PNG-compressed icons). */
function windowsIcon(dir: string): string {
  const png = fs.readFileSync(path.join(projectRoot, 'assets', 'icon.png'));
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image; width and height 0 mean 256
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  const icon = path.join(dir, 'icon.ico');
  fs.writeFileSync(icon, Buffer.concat([header, png]));
  return icon;
}
