import { describe, expect, it } from 'vitest';
import { AGORA_GATEWAY_HOSTS, missingSettings, reachTargets, targetOfUrl } from '../../src/core/services/call/call-check-targets';
import { withDeadline } from '../../src/shared/async/deadline';

const backends = (values: Record<string, Record<string, string>>) =>
  ({ backends: { agora: {}, livekit: {}, dev: {}, ...values } }) as unknown as Parameters<typeof missingSettings>[1];

describe('what irec call check needs and reaches', () => {
  it('names each missing setting with its environment variable', () => {
    expect(missingSettings('agora', backends({ agora: { tokenUrl: 'https://t.example/token' } }))).toEqual([
      'backends.agora.appId (IREC_AGORA_APP_ID)',
    ]);
    expect(missingSettings('livekit', backends({}))).toEqual([
      'backends.livekit.url (IREC_LIVEKIT_SERVER_URL)',
      'backends.livekit.tokenUrl (IREC_LIVEKIT_TOKEN_URL)',
    ]);
    expect(
      missingSettings('dev', backends({ dev: { callUrl: 'ws://127.0.0.1:1/call/ws', callTokenUrl: 'http://127.0.0.1:1/call/token' } })),
    ).toEqual([]);
  });

  it('turns server URLs into host, port and TLS as a browser would connect', () => {
    expect(targetOfUrl('wss://lk.example.com')).toEqual({ host: 'lk.example.com', port: 443, tls: true });
    expect(targetOfUrl('ws://127.0.0.1:7880/rtc')).toEqual({ host: '127.0.0.1', port: 7880, tls: false });
    expect(targetOfUrl('http://[::1]/x')).toEqual({ host: '::1', port: 80, tls: false });
    expect(reachTargets('livekit', backends({ livekit: { url: 'https://lk.example.com:8443' } }))).toEqual([
      { host: 'lk.example.com', port: 8443, tls: true },
    ]);
  });

  it("checks Agora's gateway hosts over HTTPS, whatever the App ID", () => {
    const targets = reachTargets('agora', backends({ agora: { appId: 'x', tokenUrl: 'https://t.example/token' } }));
    expect(targets.map((target) => target.host)).toEqual(AGORA_GATEWAY_HOSTS);
    expect(targets.every((target) => target.port === 443 && target.tls)).toBe(true);
  });

  it('gives up on work that does not settle by its deadline, and passes on work that does', async () => {
    await expect(withDeadline(new Promise(() => undefined), 10, () => new Error('too late'))).rejects.toThrow('too late');
    await expect(withDeadline(Promise.resolve(7), 10_000, () => new Error('too late'))).resolves.toBe(7);
  });
});
