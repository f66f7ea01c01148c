import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/services/config/load-config';
import { SETTING_KEYS, settingsView } from '../../src/core/services/config/settings-view';
import { POLICIES } from '../../src/shared/config/policies';
import { SECRET_CONFIG_PATHS } from '../../src/shared/config/schema';
import type { SettingRow } from '../../src/shared/domain/settings';

const POLICY = '/etc/interview-recorder/policy.json';
const RECOMMENDED = '/etc/interview-recorder/recommended.json';
const USER = '/home/ada/.config/Interview Recorder/settings.json';

function view(files: Record<string, unknown>, env: Record<string, string> = {}, set: string[] = []) {
  const loaded = loadConfig({
    policyFile: POLICY,
    recommendedPolicyFile: RECOMMENDED,
    userConfigFile: USER,
    env,
    flags: { set },
    readFile: (file) => (file in files ? JSON.stringify(files[file]) : null),
  });
  expect(loaded.problems).toEqual([]);
  return settingsView(loaded);
}

const row = (rows: SettingRow[], key: string): SettingRow => {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row for ${key}`);
  return found;
};

describe('the settings view', () => {
  it('has one row per leaf of the config schema, every policy and every secret among them', () => {
    const keys = view({}).settings.map((r) => r.key);
    expect(keys).toEqual(SETTING_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([...POLICIES.map((p) => p.key), ...SECRET_CONFIG_PATHS, 'recording.minFreeMb']));
    // Objects are not rows: their leaves are.
    expect(keys).not.toContain('s3');
    expect(keys).not.toContain('s3.credentials');
  });

  it('shows defaults as such, unlocked, with the default value', () => {
    const { settings, managed } = view({});
    expect(managed).toBe(false);
    expect(row(settings, 's3.region')).toMatchObject({
      value: 'us-east-1',
      default: 'us-east-1',
      layer: 'defaults',
      locked: false,
      isSet: true,
    });
    expect(row(settings, 's3.region').source).toBeUndefined();
    expect(row(settings, 's3.bucket')).toMatchObject({ value: null, default: null, isSet: false, layer: 'defaults' });
    expect(row(settings, 'retention.deleteLocalAfterDays')).toMatchObject({ value: null, isSet: false });
  });

  it('locks a value set by the mandatory policy and names its source, above the user, environment and flags', () => {
    const { settings, managed } = view(
      { [POLICY]: { s3: { bucket: 'it-bucket' } }, [USER]: { s3: { bucket: 'my-bucket' } } },
      { IREC_S3_BUCKET: 'env-bucket' },
      ['s3.bucket=flag-bucket'],
    );
    expect(managed).toBe(true);
    expect(row(settings, 's3.bucket')).toMatchObject({
      value: 'it-bucket',
      layer: 'policy',
      source: POLICY,
      locked: true,
      policyName: 'S3Bucket',
      title: 'S3 bucket',
      category: 'Storage',
    });
    expect(settings.filter((r) => r.locked).map((r) => r.key)).toEqual(['s3.bucket']);
  });

  it('shows a recommended value the user changed as the user’s, not locked', () => {
    const { settings, managed } = view({
      [RECOMMENDED]: { s3: { region: 'eu-west-2', prefix: 'it/' } },
      [USER]: { s3: { region: 'eu-central-1' } },
    });
    expect(managed).toBe(false);
    expect(row(settings, 's3.region')).toMatchObject({ value: 'eu-central-1', layer: 'user', source: USER, locked: false });
    expect(row(settings, 's3.prefix')).toMatchObject({ value: 'it/', layer: 'recommended', source: RECOMMENDED, locked: false });
  });

  it('names the environment variable and the flag a value came from', () => {
    const { settings } = view({}, { IREC_S3_PREFIX: 'env/' }, ['recording.minFreeMb=500']);
    expect(row(settings, 's3.prefix')).toMatchObject({ value: 'env/', layer: 'environment', source: 'IREC_S3_PREFIX' });
    expect(row(settings, 'recording.minFreeMb')).toMatchObject({
      value: 500,
      default: 300,
      layer: 'flags',
      source: '--set recording.minFreeMb',
    });
  });

  it('never carries a secret’s value, only that it is set and where from', () => {
    const secret = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';
    const { settings } = view(
      { [USER]: { s3: { credentials: { secretAccessKey: secret } }, backends: { livekit: { token: 'lk-token-123456' } } } },
      {},
      [],
    );
    expect(row(settings, 's3.credentials.secretAccessKey')).toMatchObject({
      value: null,
      default: null,
      isSecret: true,
      isSet: true,
      layer: 'user',
      source: USER,
    });
    expect(row(settings, 's3.credentials.accessKeyId')).toMatchObject({ value: null, isSecret: true, isSet: false });
    const text = JSON.stringify(settings);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('lk-token-123456');
  });

  it('masks a password written inside a URL', () => {
    const { settings } = view({ [USER]: { backends: { agora: { baseUrl: 'https://bot:hunter22@rec.example.com/agora' } } } });
    expect(row(settings, 'backends.agora.baseUrl').value).toBe('https://bot:***@rec.example.com/agora');
  });

  it('groups keys that are not policies by their section', () => {
    const { settings } = view({});
    expect(row(settings, 'interviewer.name').category).toBe('Interviewer');
    expect(row(settings, 'recording.minFreeMb').category).toBe('Recording');
    expect(row(settings, 's3.credentials.accessKeyId').category).toBe('Storage');
    expect(row(settings, 'backends.healthSeconds').category).toBe('Backends');
  });
});
