// Builds the deb and the rpm with `npm run package -- --linux deb rpm` against an Electron stand-in (one pack for
// both) and reads them back with the package tools IT uses: dpkg-deb, rpm, and rpm2cpio + 7z for file contents.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../support/built';
import { expectFusesOf, packWithStandIn, type StandInPack } from '../support/stand-in-pack';

const APP_DIR = '/usr/lib/interview-recorder';
const BINARY = `${APP_DIR}/interview-recorder`;
const DESKTOP = '/usr/share/applications/interview-recorder.desktop';
const POLICY_SAMPLES = '/usr/share/doc/interview-recorder/policy-samples';

function run(command: string, args: string[], options: { binary?: boolean } = {}) {
  const result = spawnSync(command, args, { maxBuffer: 512 * 1024 * 1024, timeout: 120_000 });
  if (result.error) throw result.error;
  expect(result.status, `${command} ${args.join(' ')}: ${result.stderr.toString()}`).toBe(0);
  return options.binary ? result.stdout : result.stdout.toString('utf8');
}

/** `Field: value` lines (dpkg control, `rpm -qi`) as a record. */
const fields = (text: string) =>
  Object.fromEntries([...text.matchAll(/^\s*([A-Za-z-]+?)\s*:\s?(.*)$/gm)].map(([, name, value]) => [name!, value!.trim()]));

/** Mode and path of every entry, from `ls -l`-like lines: `-rwxr-xr-x … ./usr/bin/irec` → ['/usr/bin/irec', '-rwxr-xr-x']. */
const modes = (lines: Array<[string, string]>) =>
  new Map(lines.map(([mode, file]) => [file.replace(/^\.\//, '/').replace(/\/$/, ''), mode]));

/** Entries others may write (symbolic links are always lrwxrwxrwx and carry no permission of their own). */
const worldWritable = (entries: Map<string, string>) => [...entries].filter(([, mode]) => !mode.startsWith('l') && mode[8] === 'w');

function expectAppLayout(entries: Map<string, string>) {
  for (const file of [BINARY, `${APP_DIR}/resources/app.asar`, `${APP_DIR}/resources/install-type`, DESKTOP, '/usr/bin/irec']) {
    expect(entries.has(file), file).toBe(true);
  }
  expect(entries.get(BINARY)).toBe('-rwxr-xr-x');
  expect(entries.get('/usr/bin/irec')).toBe('-rwxr-xr-x');
  // Samples for IT to copy; nothing installs a policy into /etc.
  expect(entries.has(`${POLICY_SAMPLES}/policy.json`)).toBe(true);
  expect(entries.has(`${POLICY_SAMPLES}/recommended.json`)).toBe(true);
  expect([...entries.keys()].filter((file) => file.startsWith('/etc'))).toEqual([]);
  expect(worldWritable(entries)).toEqual([]);
}

/** The files each package must carry with these contents. */
function expectInstalledFiles(read: (file: string) => Buffer, installType: string) {
  const desktop = read(DESKTOP).toString('utf8');
  expect(desktop).toMatch(/^MimeType=x-scheme-handler\/interview-recorder;$/m);
  expect(desktop).toMatch(/^Exec=interview-recorder %U$/m);
  expect(read('/usr/bin/irec').toString('utf8')).toContain(`exec ${BINARY} --cli "$@"`);
  expect(read(`${APP_DIR}/resources/install-type`).toString('utf8').trim()).toBe(installType);
  expect(JSON.parse(read(`${POLICY_SAMPLES}/policy.json`).toString('utf8'))).toHaveProperty('update');
}

let pack: StandInPack;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-installers-linux-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  builtFile('main/index.cjs');
  // --fast-compression: xz of ~250 MB takes minutes on two cores; what is packed is the same.
  pack = await packWithStandIn('--linux', ['deb', 'rpm'], { dir: work, extraArgs: ['--fast-compression'] });
}, 300_000);

describe('the deb', () => {
  const deb = () => path.join(pack.outDir, 'interview-recorder_0.1.0_amd64.deb');
  const read = (file: string) => {
    const script = 'dpkg-deb --fsys-tarfile "$1" | tar -xO "$2"';
    return run('sh', ['-c', script, 'sh', deb(), `.${file}`], { binary: true }) as Buffer;
  };

  it("has a control file dpkg accepts: name, version, architecture and Electron's libraries as dependencies", () => {
    const control = fields(run('dpkg-deb', ['-f', deb()]) as string);
    expect(control).toMatchObject({ Package: 'interview-recorder', Version: '0.1.0', Architecture: 'amd64' });
    const depends = control.Depends!.split(/,\s*/);
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libgbm1', 'xdg-utils']));
  });

  it('installs the app in /usr/lib/interview-recorder with the URL scheme, irec and no world-writable file', () => {
    const listing = (run('dpkg-deb', ['-c', deb()]) as string).trim().split('\n');
    const entries = modes(listing.map((line) => line.split(/\s+/)).map((cols) => [cols[0]!, cols[5]!]));
    expectAppLayout(entries);
    expectInstalledFiles(read, 'deb');
  });

  it('carries the packaged binary with its fuses set', async () => {
    const binary = path.join(work, 'deb-binary');
    fs.writeFileSync(binary, read(BINARY));
    await expectFusesOf(binary);
  });
});

describe('the rpm', () => {
  const rpm = () => path.join(pack.outDir, 'interview-recorder-0.1.0-1.x86_64.rpm');
  let cpio: string;
  const read = (file: string) => run('7z', ['e', '-so', cpio, `.${file}`], { binary: true }) as Buffer;

  beforeAll(() => {
    cpio = path.join(work, 'payload.cpio');
    fs.writeFileSync(cpio, run('rpm2cpio', [rpm()], { binary: true }));
  });

  it('has a header rpm accepts: name, version, architecture and dependencies', () => {
    const info = fields(run('rpm', ['-qpi', rpm()]) as string);
    expect(info).toMatchObject({ Name: 'interview-recorder', Version: '0.1.0', Release: '1', Architecture: 'x86_64' });
    const requires = (run('rpm', ['-qpR', rpm()]) as string).split('\n').map((line) => line.trim());
    expect(requires).toEqual(expect.arrayContaining(['gtk3', '(nss or mozilla-nss)', 'xdg-utils']));
  });

  it('installs the same layout, listed by rpm -qpl, with no world-writable file', () => {
    const listed = (run('rpm', ['-qpl', rpm()]) as string).trim().split('\n');
    const withModes = (run('rpm', ['-qp', '--qf', '[%{FILEMODES:perms} %{FILENAMES}\n]', rpm()]) as string).trim().split('\n');
    const entries = modes(withModes.map((line) => line.split(' ', 2) as [string, string]));
    expect([...entries.keys()].sort()).toEqual([...listed].sort());
    expectAppLayout(entries);
    expectInstalledFiles(read, 'rpm');
  });

  it('carries the packaged binary with its fuses set', async () => {
    const binary = path.join(work, 'rpm-binary');
    fs.writeFileSync(binary, read(BINARY));
    await expectFusesOf(binary);
  });
});
