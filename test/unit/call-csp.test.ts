import { describe, expect, it } from 'vitest';
import { callConnectSources, contentSecurityPolicy, CONTENT_SECURITY_POLICY, securityHeadersFor } from '../../src/core/security/csp';
import { configSchema } from '../../src/shared/config/schema';

const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src '));
const backends = (settings: object) => configSchema.parse({ backends: settings }).backends;

describe('the CSP for live calls, from configuration', () => {
  it('opens nothing when no call is configured', () => {
    expect(callConnectSources(backends({}))).toEqual([]);
    expect(connectSrc(contentSecurityPolicy(callConnectSources(backends({}))))).toBe("connect-src 'self'");
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('lets the page reach the development call server and the LiveKit server in both schemes, exactly', () => {
    const sources = callConnectSources(
      backends({
        dev: { callUrl: 'ws://127.0.0.1:4100/call/ws', callTokenUrl: 'http://127.0.0.1:4100/call/token' },
        livekit: { url: 'wss://lk.example.com', tokenUrl: 'https://api.example.com/token' },
      }),
    );
    expect(sources).toEqual(['http://127.0.0.1:4100', 'ws://127.0.0.1:4100', 'https://lk.example.com', 'wss://lk.example.com']);
    // Token endpoints are the core's business: the page never fetches them.
    expect(sources.join(' ')).not.toContain('api.example.com');
  });

  it("adds Agora's domains only when an Agora call is configured (App ID and token URL)", () => {
    expect(callConnectSources(backends({ agora: { appId: '0123456789abcdef0123456789abcdef' } }))).toEqual([]);
    const sources = callConnectSources(
      backends({ agora: { appId: '0123456789abcdef0123456789abcdef', tokenUrl: 'https://api.example.com/agora/token' } }),
    );
    expect(sources).toEqual(
      expect.arrayContaining(['https://*.agora.io', 'wss://*.agora.io', 'https://*.sd-rtn.com', 'wss://*.sd-rtn.com']),
    );
    expect(sources.every((s) => /^(https|wss):\/\/\*\.[a-z-]+\.[a-z]+$/.test(s))).toBe(true);
  });

  it('keeps every other directive as strict as before, and never a bare wildcard', () => {
    const headers = securityHeadersFor(configSchema.parse({ backends: { livekit: { url: 'https://lk.example.com' } } }));
    const policy = headers['Content-Security-Policy']!;
    expect(connectSrc(policy)).toBe("connect-src 'self' https://lk.example.com wss://lk.example.com");
    expect(policy.replace(connectSrc(policy)!, '')).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'self'", ''));
    expect(policy).not.toMatch(/unsafe-(inline|eval)|\s\*(\s|;|$)/);
  });
});
