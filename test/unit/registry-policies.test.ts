import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/services/config/load-config';
import { parseRegQueryOutput } from '../../src/core/services/config/policy-sources/reg-query-output';
import type { CommandResult, RunCommand } from '../../src/core/services/config/policy-sources/run-command';
import { readRegistryPolicies } from '../../src/core/services/config/policy-sources/windows-registry';
import type { OsPolicyStore } from '../../src/core/services/config/policy-sources/policy-layers';
import { projectRoot } from '../support/built';

// reg.exe's own output, kept with Windows line ends whatever git does to the fixture files.
const fixture = (name: string) =>
  fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'reg-query', name), 'utf8').replace(/\r?\n/g, '\r\n');
const MISSING: CommandResult = { status: 1, stdout: '', stderr: fixture('missing-key.stderr.txt') };
const REG = 'C:\\Windows\\System32\\reg.exe';
const KEY = 'Software\\Policies\\InterviewRecorder';

/** A fake reg.exe answering `reg query <hive>\…\InterviewRecorder /s` from fixtures; missing keys as reg.exe does. */
function fakeReg(byHive: { HKLM?: string | CommandResult; HKCU?: string | CommandResult }): RunCommand & { calls: string[][] } {
  const calls: string[][] = [];
  const run: RunCommand = (command, args) => {
    calls.push([command, ...args]);
    const hive = args[1]!.split('\\')[0] as 'HKLM' | 'HKCU';
    const answer = byHive[hive];
    if (answer === undefined) return MISSING;
    return typeof answer === 'string' ? { status: 0, stdout: fixture(answer), stderr: '' } : answer;
  };
  return Object.assign(run, { calls });
}

const windows = (run: RunCommand): OsPolicyStore => ({ platform: 'win32', run, env: {}, userName: 'ada', exists: () => false });

const USER = 'C:\\Users\\ada\\AppData\\Roaming\\Interview Recorder\\settings.json';
const POLICY = 'C:\\ProgramData\\Interview Recorder\\policy.json';

function load(run: RunCommand, files: Record<string, unknown> = {}, rest: { env?: Record<string, string>; set?: string[] } = {}) {
  return loadConfig({
    policyFile: POLICY,
    userConfigFile: USER,
    policyStore: windows(run),
    env: rest.env ?? {},
    flags: { set: rest.set },
    readFile: (file) => (file in files ? JSON.stringify(files[file]) : null),
  });
}

describe('reg query output', () => {
  it('parses keys and REG_SZ, REG_DWORD (hex), REG_MULTI_SZ (\\0-separated) and empty values', () => {
    expect(parseRegQueryOutput(fixture('hklm.txt'))).toEqual([
      {
        path: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\InterviewRecorder',
        values: [
          { name: 'AgoraBackendUrl', type: 'REG_SZ', data: 'https://recording.example.com/agora' },
          { name: 'S3Bucket', type: 'REG_SZ', data: 'company-interviews' },
          { name: 'S3AutoUpload', type: 'REG_DWORD', data: 0 },
          { name: 'VideoBitsPerSecond', type: 'REG_DWORD', data: 4_000_000 },
          { name: 'AllowedCallProviders', type: 'REG_MULTI_SZ', data: ['agora', 'livekit'] },
          { name: 'UpdateMode', type: 'REG_SZ', data: 'none' },
          { name: 'S3Prefix', type: 'REG_SZ', data: '' },
        ],
      },
      {
        path: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\InterviewRecorder\\Recommended',
        values: [
          { name: 'LogLevel', type: 'REG_SZ', data: 'debug' },
          { name: 'S3Region', type: 'REG_SZ', data: 'eu-central-1' },
        ],
      },
    ]);
  });

  it('keeps spaces inside a value and reads an empty REG_MULTI_SZ as no items', () => {
    const text = '\r\nHKEY_CURRENT_USER\\X\r\n    Name    REG_SZ    a  b    c\r\n    List    REG_MULTI_SZ    \r\n';
    expect(parseRegQueryOutput(text)[0]!.values).toEqual([
      { name: 'Name', type: 'REG_SZ', data: 'a  b    c' },
      { name: 'List', type: 'REG_MULTI_SZ', data: [] },
    ]);
  });
});

describe('Windows registry policies', () => {
  it('reads both hives with the system reg.exe; the machine wins, the user hive fills what it lacks', () => {
    const run = fakeReg({ HKLM: 'hklm.txt', HKCU: 'hkcu.txt' });
    const { config, origins, problems } = load(run);
    expect(run.calls).toEqual([
      [REG, 'query', `HKCU\\${KEY}`, '/s'],
      [REG, 'query', `HKLM\\${KEY}`, '/s'],
    ]);
    expect(problems).toEqual([]); // S3Prefix, an empty REG_SZ, is a valid (empty) prefix
    expect(config.s3.bucket).toBe('company-interviews');
    expect(config.interview.inviteHosts).toEqual(['jobs.example.com', 'careers.example.com']);
    expect(config.s3.autoUpload).toBe(false);
    expect(config.recording.videoBitsPerSecond).toBe(4_000_000);
    expect(config.calls.allowedProviders).toEqual(['agora', 'livekit']);
    expect(config.update.mode).toBe('none');
    expect(config.s3.prefix).toBe('');
    expect(origins['s3.bucket']).toEqual({ layer: 'policy', source: `HKLM\\${KEY}\\S3Bucket` });
    expect(origins['interview.inviteHosts']).toEqual({ layer: 'policy', source: `HKCU\\${KEY}\\InviteHosts` });
    // Mandatory in HKCU beats recommended in HKLM.
    expect(config.s3.region).toBe('eu-west-3');
    expect(origins['s3.region']).toEqual({ layer: 'policy', source: `HKCU\\${KEY}\\S3Region` });
    expect(origins.logLevel).toEqual({ layer: 'recommended', source: `HKLM\\${KEY}\\Recommended\\LogLevel` });
  });

  it('a mandatory registry policy beats the user, the environment, a flag and the policy file', () => {
    const { config, origins } = load(
      fakeReg({ HKLM: 'hklm.txt' }),
      {
        [USER]: { s3: { bucket: 'user-bucket' } },
        [POLICY]: { s3: { bucket: 'file-bucket' }, backends: { mediaApi: { site: 'file.site' } } },
      },
      { env: { IREC_S3_BUCKET: 'env-bucket' }, set: ['s3.bucket=flag-bucket'] },
    );
    expect(config.s3.bucket).toBe('company-interviews');
    expect(origins['s3.bucket']).toEqual({ layer: 'policy', source: `HKLM\\${KEY}\\S3Bucket` });
    // What the registry does not set, the policy file still may.
    expect(config.backends.mediaApi.site).toBe('file.site');
  });

  it('a recommended registry policy loses to the user', () => {
    const { config, origins } = load(fakeReg({ HKLM: 'hklm.txt' }), { [USER]: { logLevel: 'error' } });
    expect(config.logLevel).toBe('error');
    expect(origins.logLevel).toEqual({ layer: 'user', source: USER });
    expect(config.s3.region).toBe('eu-central-1'); // recommended, and nobody changed it
  });

  it('reports a value of the wrong type, out of range or unknown, naming the registry value, and keeps the rest', () => {
    const { config, problems } = load(fakeReg({ HKLM: 'wrong-types.txt' }));
    const where = (name: string) => `HKLM\\${KEY}\\${name}`;
    expect(problems).toEqual(
      expect.arrayContaining([
        { layer: 'policy', source: where('S3AutoUpload'), keyPath: 's3.autoUpload', message: 'is a REG_SZ value; expected REG_DWORD' },
        {
          layer: 'policy',
          source: where('AllowedCallProviders'),
          keyPath: 'calls.allowedProviders',
          message: 'is a REG_SZ value; expected REG_MULTI_SZ',
        },
        expect.objectContaining({ source: where('UploadsEverywhere'), keyPath: '', message: expect.stringContaining('is not a policy') }),
        expect.objectContaining({ source: where('VideoBitsPerSecond'), keyPath: 'recording.videoBitsPerSecond' }),
        expect.objectContaining({
          source: where('LogLevel'),
          keyPath: 'logLevel',
          message: expect.stringMatching(/debug.*info.*warn.*error/),
        }),
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(config.s3.bucket).toBe('kept-bucket');
    expect(config.s3.autoUpload).toBe(true);
    expect(config.recording.videoBitsPerSecond).toBe(2_500_000);
    expect(config.logLevel).toBe('info');
  });

  it('a missing key is no policy at all; another reg.exe failure is a problem naming the key', () => {
    expect(load(fakeReg({})).problems).toEqual([]);
    const layers = readRegistryPolicies(fakeReg({ HKLM: { status: 1, stdout: '', stderr: 'ERROR: Access is denied.\r\n' } }), REG);
    expect(layers.mandatory.flatMap((l) => l.problems)).toEqual([
      { layer: 'policy', source: `HKLM\\${KEY}`, keyPath: '', message: 'cannot be read (ERROR: Access is denied.)' },
    ]);
  });
});
