import { describe, expect, it } from 'vitest';
import {
  POLICIES,
  REGISTRY_VALUE_TYPES,
  configKeySchema,
  policyByKey,
  policyByName,
  type PolicyDefinition,
} from '../../src/shared/config/policies';
import { SECRET_CONFIG_PATHS, configSchema } from '../../src/shared/config/schema';

/** A settings object that sets only `key`, nested like settings.json. */
function settingOf(key: string, value: unknown): Record<string, unknown> {
  return key
    .split('.')
    .reverse()
    .reduce<unknown>((inner, segment) => ({ [segment]: inner }), value) as Record<string, unknown>;
}

const accepts = (policy: PolicyDefinition, value: unknown): boolean => configSchema.safeParse(settingOf(policy.key, value)).success;

/** A value of the wrong kind for each policy type: the schema must refuse it if the derived type is right. */
const WRONG_KIND: Record<PolicyDefinition['type'], unknown> = {
  string: 42,
  boolean: 'yes',
  integer: 'many',
  enum: 'no-such-value',
  list: 'one, two',
};

describe('the policy definition', () => {
  it('names only keys of the config schema, with the schema’s type: each example is accepted, a wrong kind refused', () => {
    for (const policy of POLICIES) {
      expect(configKeySchema(policy.key), policy.key).toBeDefined();
      expect(accepts(policy, policy.example), `${policy.name}: example ${JSON.stringify(policy.example)}`).toBe(true);
      expect(accepts(policy, WRONG_KIND[policy.type]), `${policy.name} (${policy.type}) accepted a wrong kind`).toBe(false);
    }
  });

  it('takes allowed values and bounds from the schema: every allowed value parses, one past a bound does not', () => {
    expect(policyByKey('update.mode')?.enumValues).toEqual(['none', 'manual', 'auto']);
    expect(policyByKey('calls.allowedProviders')?.enumValues).toEqual(['agora', 'livekit', 'dev']);
    for (const policy of POLICIES) {
      if (policy.type === 'enum')
        for (const value of policy.enumValues!) expect(accepts(policy, value), `${policy.name}=${value}`).toBe(true);
      if (policy.type === 'list' && policy.enumValues) expect(accepts(policy, [...policy.enumValues])).toBe(true);
      if (policy.type === 'integer') {
        expect([policy.min, policy.max].every(Number.isInteger), policy.name).toBe(true);
        expect(accepts(policy, policy.min) && accepts(policy, policy.max), policy.name).toBe(true);
        expect(accepts(policy, policy.min! - 1) || accepts(policy, policy.max! + 1), policy.name).toBe(false);
      }
    }
  });

  it('holds the policies IT asked for', () => {
    const required = [
      'backends.agora.baseUrl',
      'backends.agora.tokenUrl',
      'backends.agora.appId',
      'backends.livekit.baseUrl',
      'backends.livekit.url',
      'backends.livekit.tokenUrl',
      'backends.mediaApi.baseUrl',
      'backends.mediaApi.site',
      's3.bucket',
      's3.region',
      's3.prefix',
      's3.endpoint',
      's3.serverSideEncryption',
      's3.kmsKeyId',
      's3.autoUpload',
      'upload.destination',
      'retention.deleteLocalAfterDays',
      'calls.allowedProviders',
      'calls.agoraSdk',
      'recording.videoBitsPerSecond',
      'recording.audioBitsPerSecond',
      'update.mode',
      'update.url',
      'logLevel',
      'interview.inviteHosts',
      'interview.allowedPrivateNetworks',
    ];
    expect(required.filter((key) => !policyByKey(key))).toEqual([]);
  });

  it('never makes a secret a policy', () => {
    const secrets: readonly string[] = SECRET_CONFIG_PATHS;
    const leaked = POLICIES.filter(
      (policy) => secrets.includes(policy.key) || /credentials|secret|password|(^|\.)token$/i.test(policy.key),
    );
    expect(leaked.map((policy) => policy.key)).toEqual([]);
  });

  it('gives each policy one unique PascalCase name, a key of its own, a description and a version', () => {
    expect(new Set(POLICIES.map((policy) => policy.name.toLowerCase())).size).toBe(POLICIES.length);
    expect(new Set(POLICIES.map((policy) => policy.key)).size).toBe(POLICIES.length);
    for (const policy of POLICIES) {
      expect(policy.name, policy.key).toMatch(/^[A-Z][A-Za-z0-9]{1,63}$/);
      expect(policy.description.length, policy.name).toBeGreaterThan(20);
      expect(policy.since, policy.name).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('finds a policy by its name (case-insensitively, as the registry does) and by its key', () => {
    expect(policyByName('S3Bucket')?.key).toBe('s3.bucket');
    expect(policyByName('s3bucket')?.key).toBe('s3.bucket');
    expect(policyByKey('update.url')?.name).toBe('UpdateUrl');
    expect(policyByName('NoSuchPolicy')).toBeUndefined();
    expect(policyByKey('s3.credentials.secretAccessKey')).toBeUndefined();
    expect(configKeySchema('s3.nope')).toBeUndefined();
    expect(configKeySchema('logLevel.deeper')).toBeUndefined();
  });

  it('stores each type in the registry as the ADMX writes it', () => {
    expect(REGISTRY_VALUE_TYPES).toEqual({
      string: 'REG_SZ',
      boolean: 'REG_DWORD',
      integer: 'REG_DWORD',
      enum: 'REG_SZ',
      list: 'REG_MULTI_SZ',
    });
  });
});

describe('the schema keys added for IT', () => {
  it('default to today’s behaviour', () => {
    const config = configSchema.parse({});
    expect(config.update).toEqual({ mode: 'manual' });
    expect(config.upload).toEqual({ destination: 'auto' });
    expect(config.calls.allowedProviders).toEqual(['agora', 'livekit', 'dev']);
  });

  it('refuse an update server that is not http(s) and a provider the app does not have', () => {
    expect(configSchema.safeParse({ update: { url: 'ftp://updates.example.com' } }).success).toBe(false);
    expect(configSchema.safeParse({ calls: { allowedProviders: ['zoom'] } }).success).toBe(false);
  });
});
