import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/services/config/load-config';
import { parseManagedPreferences, readManagedPreferences } from '../../src/core/services/config/policy-sources/managed-preferences';
import type { RunCommand } from '../../src/core/services/config/policy-sources/run-command';

const COMPUTER = '/Library/Managed Preferences/com.interviewrecorder.desktop.plist';
const PER_USER = '/Library/Managed Preferences/ada/com.interviewrecorder.desktop.plist';
const DOMAIN = 'managed preferences com.interviewrecorder.desktop';

// What `plutil -convert json -o - <file>` prints for a profile's payload: one line, no trailing newline.
const computerJson = JSON.stringify({
  S3Bucket: 'company-interviews',
  S3AutoUpload: false,
  DeleteLocalAfterDays: 30,
  AllowedCallProviders: ['livekit'],
  PayloadUUID: '9D1B3E5A-7C2F-4F0B-8E34-1A2B3C4D5E6F',
  Recommended: { LogLevel: 'debug', S3Region: 'eu-central-1' },
});
const userJson = JSON.stringify({ S3Bucket: 'user-level-bucket', MediaApiSite: 'jobs.example.com' });

/** A fake plutil: the JSON of each file that exists, plutil's error for anything else. */
function fakePlutil(files: Record<string, string>): RunCommand & { calls: string[][] } {
  const calls: string[][] = [];
  const run: RunCommand = (command, args) => {
    calls.push([command, ...args]);
    const file = args.at(-1)!;
    return file in files
      ? { status: 0, stdout: files[file]!, stderr: '' }
      : { status: 1, stdout: '', stderr: `${file}: Invalid object in plist for destination format\n` };
  };
  return Object.assign(run, { calls });
}

function load(files: Record<string, string>, user: Record<string, unknown> = {}) {
  const run = fakePlutil(files);
  const loaded = loadConfig({
    policyFile: '/Library/Application Support/Interview Recorder/policy.json',
    userConfigFile: '/Users/ada/settings.json',
    policyStore: { platform: 'darwin', run, env: {}, userName: 'ada', exists: (file) => file in files },
    env: { IREC_S3_BUCKET: 'env-bucket' },
    readFile: (file) => (file === '/Users/ada/settings.json' ? JSON.stringify(user) : null),
  });
  return { ...loaded, calls: run.calls };
}

describe('macOS managed preferences', () => {
  it('parse into mandatory values and the Recommended dictionary, without the profile bookkeeping', () => {
    expect(parseManagedPreferences(computerJson)).toEqual({
      mandatory: { S3Bucket: 'company-interviews', S3AutoUpload: false, DeleteLocalAfterDays: 30, AllowedCallProviders: ['livekit'] },
      recommended: { LogLevel: 'debug', S3Region: 'eu-central-1' },
    });
    expect(() => parseManagedPreferences('[1]')).toThrow('expected a dictionary');
  });

  it('are read with plutil; mandatory ones beat the environment, the computer’s beat the user’s, recommended ones lose to the user', () => {
    const { config, origins, problems, calls } = load({ [COMPUTER]: computerJson, [PER_USER]: userJson }, { logLevel: 'warn' });
    expect(problems).toEqual([]);
    expect(calls).toEqual([
      ['/usr/bin/plutil', '-convert', 'json', '-o', '-', PER_USER],
      ['/usr/bin/plutil', '-convert', 'json', '-o', '-', COMPUTER],
    ]);
    expect(config.s3.bucket).toBe('company-interviews');
    expect(origins['s3.bucket']).toEqual({ layer: 'policy', source: DOMAIN });
    expect(config.backends.mediaApi.site).toBe('jobs.example.com');
    expect(origins['backends.mediaApi.site']).toEqual({ layer: 'policy', source: `${DOMAIN} (user ada)` });
    expect(config.retention.deleteLocalAfterDays).toBe(30);
    expect(config.calls.allowedProviders).toEqual(['livekit']);
    expect(config.logLevel).toBe('warn');
    expect(config.s3.region).toBe('eu-central-1');
    expect(origins['s3.region']).toEqual({ layer: 'recommended', source: `${DOMAIN} Recommended` });
  });

  it('no file is no policy; a file plutil cannot convert is a problem naming it', () => {
    expect(load({}).problems).toEqual([]);
    const layers = readManagedPreferences(fakePlutil({}), (file) => file === PER_USER, 'ada');
    expect(layers.mandatory.flatMap((l) => l.problems)).toEqual([
      {
        layer: 'policy',
        source: `${DOMAIN} (user ada)`,
        keyPath: '',
        message: `cannot be read from ${PER_USER} (${PER_USER}: Invalid object in plist for destination format)`,
      },
    ]);
  });

  it('a value of the wrong type is reported and dropped; the other values apply', () => {
    const { config, problems } = load({ [COMPUTER]: JSON.stringify({ S3AutoUpload: 'yes', S3Bucket: 'kept', Colour: 'blue' }) });
    expect(problems).toEqual([
      expect.objectContaining({ layer: 'policy', source: DOMAIN, keyPath: '', message: expect.stringContaining('is not a policy') }),
      { layer: 'policy', source: DOMAIN, keyPath: 's3.autoUpload', message: 'expected boolean, received string' },
    ]);
    expect(config.s3.bucket).toBe('kept');
    expect(config.s3.autoUpload).toBe(true);
  });
});
