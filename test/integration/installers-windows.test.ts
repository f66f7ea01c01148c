// Builds the MSI with `npm run package -- --win msi` against an Electron stand-in, signed with a certificate made
// here, and reads it back with msitools (msiinfo) and osslsigncode, the way the Windows Installer sees its tables.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/shared/config/policies';
import { UPGRADE_CODE } from '../../tools/package/msi-wxs.mjs';
import { builtFile } from '../support/built';
import { expectFusesOf, packWithStandIn, type StandInPack } from '../support/stand-in-pack';

const EXE = 'Interview Recorder.exe';
const PASSWORD = 'test-only-password';
const HKLM = '2';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  expect(result.status, `${command} ${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

/** An MSI table as rows of named columns (`msiinfo export`: names, types, table name, then the rows). */
function table(msi: string, name: string): Array<Record<string, string>> {
  const [header, , , ...rows] = run('msiinfo', ['export', msi, name])
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const columns = header!.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, i) => [columns[i]!, value])));
}

/** A self-signed code-signing certificate as PEM (to verify against) and PKCS#12 (to sign with). */
function testCertificate(dir: string) {
  const [key, cert, pfx] = ['key.pem', 'cert.pem', 'cert.pfx'].map((name) => path.join(dir, name));
  run('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key!, '-out', cert!],
    ...['-subj', '/CN=Interview Recorder test signing', '-addext', 'extendedKeyUsage=codeSigning', '-addext', 'keyUsage=digitalSignature'],
  ]);
  run('openssl', ['pkcs12', '-export', '-inkey', key!, '-in', cert!, '-out', pfx!, '-passout', `pass:${PASSWORD}`]);
  return { cert: cert!, pfx: pfx! };
}

let pack: StandInPack;
let msi: string;
let certificate: { cert: string; pfx: string };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-installers-win-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  builtFile('main/index.cjs');
  certificate = testCertificate(work);
  pack = await packWithStandIn('--win', ['msi'], {
    dir: work,
    extraArgs: ['--sign-pfx', certificate.pfx],
    // No IREC_SIGN_TIMESTAMP_URL: this machine reaches no timestamp server.
    env: { IREC_SIGN_PASSWORD: PASSWORD, IREC_SIGN_TIMESTAMP_URL: '' },
  });
  msi = path.join(pack.outDir, 'InterviewRecorder-0.1.0.msi');
}, 300_000);

describe('the MSI', () => {
  it('installs per machine and upgrades any earlier version under the one UpgradeCode', () => {
    const properties = Object.fromEntries(table(msi, 'Property').map((row) => [row.Property, row.Value]));
    expect(properties).toMatchObject({ ALLUSERS: '1', ProductName: 'Interview Recorder', ProductVersion: '0.1.0' });
    expect(properties.UpgradeCode).toBe(`{${UPGRADE_CODE}}`);
    // MajorUpgrade: one row finds earlier versions to remove, one refuses to downgrade a newer one.
    const upgrade = table(msi, 'Upgrade');
    expect(upgrade).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ UpgradeCode: `{${UPGRADE_CODE}}`, VersionMax: '0.1.0', ActionProperty: 'WIX_UPGRADE_DETECTED' }),
        expect.objectContaining({ UpgradeCode: `{${UPGRADE_CODE}}`, VersionMin: '0.1.0', ActionProperty: 'WIX_DOWNGRADE_DETECTED' }),
      ]),
    );
    expect(table(msi, 'InstallExecuteSequence').map((row) => row.Action)).toContain('RemoveExistingProducts');
  });

  it('writes each text and number policy from its public property, only when that property is set', () => {
    const registry = table(msi, 'Registry');
    const components = new Map(table(msi, 'Component').map((row) => [row.Component, row]));
    const secure = (Object.fromEntries(table(msi, 'Property').map((row) => [row.Property, row.Value])).SecureCustomProperties ?? '').split(
      ';',
    );
    const settable = POLICIES.filter((policy) => policy.type !== 'list');
    expect(settable.length).toBeGreaterThan(20);
    for (const policy of settable) {
      const property = policy.name.toUpperCase();
      const row = registry.find((candidate) => candidate.Name === policy.name && candidate.Value?.includes(`[${property}]`));
      expect(row, policy.name).toMatchObject({ Root: HKLM, Key: 'Software\\Policies\\InterviewRecorder' });
      // REG_DWORD for numbers and booleans: MSI writes a value starting with # as a DWORD.
      expect(row!.Value).toBe(policy.type === 'integer' || policy.type === 'boolean' ? `#[${property}]` : `[${property}]`);
      const component = components.get(row!.Component_!)!;
      expect(component.Condition, policy.name).toBe(property);
      expect(Number(component.Attributes) & 256, `${policy.name} in the 64-bit registry`).toBe(256);
      expect(secure).toContain(property);
    }
    // The short name AGORAURL sets the Agora backend URL unless AGORABACKENDURL does.
    const alias = registry.find((row) => row.Value === '[AGORAURL]');
    expect(alias).toMatchObject({ Root: HKLM, Key: 'Software\\Policies\\InterviewRecorder', Name: 'AgoraBackendUrl' });
    expect(components.get(alias!.Component_!)!.Condition).toBe('AGORAURL AND NOT AGORABACKENDURL');
    // S3BUCKET is S3Bucket's own name.
    expect(registry.find((row) => row.Value === '[S3BUCKET]')?.Name).toBe('S3Bucket');
  });

  it('registers interview-recorder:// for every user, marks itself an MSI install and adds a Start-menu shortcut', () => {
    const registry = table(msi, 'Registry').filter((row) => row.Root === HKLM);
    const value = (key: string, name = '') => registry.find((row) => row.Key === key && (row.Name ?? '') === name)?.Value;
    expect(value('Software\\Classes\\interview-recorder')).toBe('URL:Interview Recorder interview link');
    expect(registry.some((row) => row.Key === 'Software\\Classes\\interview-recorder' && row.Name === 'URL Protocol')).toBe(true);
    expect(value('Software\\Classes\\interview-recorder\\shell\\open\\command')).toBe(`"[INSTALLDIR]${EXE}" "%1"`);
    expect(value('Software\\InterviewRecorder', 'InstallType')).toBe('msi');
    expect(table(msi, 'Shortcut')).toEqual([
      expect.objectContaining({ Directory_: 'ProgramMenuFolder', Name: 'Interview Recorder', Target: `[INSTALLDIR]${EXE}` }),
    ]);
  });

  it('installs every file of the unpacked app into Program Files, plus the install-type marker', () => {
    const files = table(msi, 'File');
    const directories = new Map(table(msi, 'Directory').map((row) => [row.Directory, row]));
    const components = new Map(table(msi, 'Component').map((row) => [row.Component, row]));
    /** A file's path under INSTALLDIR, walked up the Directory table. */
    const installedPath = (file: Record<string, string>) => {
      const parts = [file.FileName!];
      let directory = components.get(file.Component_!)!.Directory_!;
      while (directory !== 'INSTALLDIR') {
        const row = directories.get(directory)!;
        parts.unshift(row.DefaultDir!);
        directory = row.Directory_Parent!;
      }
      expect(directories.get('INSTALLDIR')).toMatchObject({ Directory_Parent: 'ProgramFiles64Folder', DefaultDir: 'Interview Recorder' });
      return parts.join('/');
    };
    const installed = new Map(files.map((file) => [installedPath(file), Number(file.FileSize)]));
    const unpacked = listFiles(pack.appOutDir);
    expect(unpacked.length).toBeGreaterThan(100);
    for (const relative of unpacked) expect(installed.get(relative), relative).toBe(fs.statSync(path.join(pack.appOutDir, relative)).size);
    expect(installed.get('resources/install-type')).toBe('msi\n'.length);
    expect(installed.size).toBe(unpacked.length + 1);
  });

  it('and the executable it installs are Authenticode-signed with the configured certificate', () => {
    for (const file of [msi, path.join(pack.appOutDir, EXE)]) {
      const verified = run('osslsigncode', ['verify', '-CAfile', certificate.cert, '-in', file]);
      expect(verified).toContain('Signature verification: ok');
      expect(verified).toContain('Subject: /CN=Interview Recorder test signing');
    }
    expect(pack.output).toContain('without a timestamp (IREC_SIGN_TIMESTAMP_URL unset)');
  });

  it('carries the signed executable with its fuses set', async () => {
    await expectFusesOf(path.join(pack.appOutDir, EXE));
  });
});

function listFiles(dir: string, relative = ''): string[] {
  return fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, child) : [child];
  });
}
