import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/shared/config/schema';
import { loadConfig } from '../../src/core/services/config/load-config';

const load = (env: Record<string, string>, user: Record<string, unknown> = {}) =>
  loadConfig({
    policyFile: '/p.json',
    userConfigFile: '/u.json',
    env,
    readFile: (file) => (file === '/u.json' ? JSON.stringify(user) : null),
  });

describe('live-call settings', () => {
  it('are absent by default, with a 15 s join timeout and Agora’s Web SDK, every provider allowed', () => {
    const config = configSchema.parse({});
    expect(config.calls).toEqual({ joinTimeoutSeconds: 15, agoraSdk: 'web', allowedProviders: ['agora', 'livekit', 'dev'] });
    expect(config.backends.agora.appId).toBeUndefined();
    expect(config.backends.livekit.url).toBeUndefined();
  });

  it('come from the IREC_* variables', () => {
    const { config, problems } = load({
      IREC_AGORA_APP_ID: '0123456789abcdef0123456789ABCDEF',
      IREC_AGORA_TOKEN_URL: 'https://backend.example/api/agora/call-token',
      IREC_LIVEKIT_SERVER_URL: 'wss://lk.example',
      IREC_LIVEKIT_TOKEN_URL: 'https://backend.example/api/recording/call-token',
    });
    expect(problems).toEqual([]);
    expect(config.backends.agora).toMatchObject({
      appId: '0123456789abcdef0123456789ABCDEF',
      tokenUrl: 'https://backend.example/api/agora/call-token',
    });
    expect(config.backends.livekit).toMatchObject({
      url: 'wss://lk.example',
      tokenUrl: 'https://backend.example/api/recording/call-token',
    });
  });

  it('take Agora’s native SDK from IREC_AGORA_SDK or the settings, and refuse any other SDK name', () => {
    expect(load({ IREC_AGORA_SDK: 'native' }).config.calls.agoraSdk).toBe('native');
    expect(load({}, { calls: { agoraSdk: 'native' } }).config.calls.agoraSdk).toBe('native');
    const { config, problems } = load({ IREC_AGORA_SDK: 'electron' });
    expect(config.calls.agoraSdk).toBe('web');
    expect(problems.map((p) => `${p.source} ${p.keyPath}`)).toEqual(['IREC_AGORA_SDK calls.agoraSdk']);
  });

  it.each(['ws://127.0.0.1:7880', 'wss://lk.example', 'http://127.0.0.1:7880', 'https://lk.example'])(
    'accept %s as the LiveKit server',
    (url) => {
      expect(configSchema.safeParse({ backends: { livekit: { url } } }).success).toBe(true);
    },
  );

  it('refuse a wrong App ID, a LiveKit URL of another scheme, a non-http token URL and a join timeout out of range, naming each', () => {
    const { config, problems } = load(
      {},
      {
        backends: { agora: { appId: 'my-app', tokenUrl: 'ftp://x' }, livekit: { url: 'ftp://lk.example' } },
        calls: { joinTimeoutSeconds: 1 },
      },
    );
    expect(problems.map((p) => `${p.keyPath}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        'backends.agora.appId: expected an Agora App ID: 32 hexadecimal characters',
        'backends.agora.tokenUrl: expected an http(s) URL',
        'backends.livekit.url: expected a ws(s) or http(s) URL',
        expect.stringMatching(/^calls\.joinTimeoutSeconds: /),
      ]),
    );
    // What was wrong is dropped; the defaults stand.
    expect(config.calls.joinTimeoutSeconds).toBe(15);
    expect(config.backends.agora.appId).toBeUndefined();
  });
});
