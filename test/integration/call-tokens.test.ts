import { createRequire } from 'node:module';
import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/shared/config/schema';
import { isBackendError } from '../../src/core/services/backends/backend-error';
import { createCallTokens } from '../../src/core/services/call/call-tokens';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { DEV_CALL_CREDENTIALS } from '../../tools/dev-backend/call-tokens';
import { devBackend, received } from '../support/dev-backend';
import { createTestCore } from '../support/test-core';

// agora-token's parser (AccessToken2.from_string, verifySignature) is not in its type definitions.
interface ParsedAgoraToken {
  appId: Uint8Array;
  issueTs: number;
  expire: number;
  services: Array<{ __channel_name: Uint8Array; __uid: Uint8Array }>;
  from_string(token: string): boolean;
  verifySignature(certificate: string): boolean;
}
const { AccessToken2 } = createRequire(import.meta.url)('agora-token/src/AccessToken2') as {
  AccessToken2: new () => ParsedAgoraToken;
};

/** The app's settings pointing at the development backend's token routes. */
function settingsFor(env: Record<string, string>, overrides: { livekitToken?: string } = {}) {
  return configSchema.parse({
    backends: {
      agora: { appId: env.IREC_AGORA_APP_ID, tokenUrl: env.IREC_AGORA_TOKEN_URL },
      livekit: {
        url: 'wss://livekit.example.test',
        tokenUrl: env.IREC_LIVEKIT_TOKEN_URL,
        token: overrides.livekitToken ?? env.IREC_LIVEKIT_TOKEN,
      },
    },
    calls: { joinTimeoutSeconds: 9 },
  });
}

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.unreachable('expected the token request to fail'),
    (e: unknown) => e,
  );
  if (!isBackendError(error) && !(error instanceof Error)) throw error;
  return error as Error & { kind?: string; code?: string; retryable?: boolean; status?: number };
};

describe('call tokens from the development backend', () => {
  it('Agora: a real 007 token the agora-token parser accepts, signed with the dev certificate, for this channel and uid', async () => {
    const { backend } = await devBackend();
    const tokens = createCallTokens(settingsFor(backend.env));
    const before = Math.floor(Date.now() / 1000);
    const join = await tokens.get({ provider: 'agora', channel: 'interview-42', participantId: '1001' });

    expect(join).toMatchObject({ appId: DEV_CALL_CREDENTIALS.agoraAppId, joinTimeoutSeconds: 9 });
    expect(join.ticket.startsWith('007')).toBe(true);
    const parsed = new AccessToken2();
    expect(parsed.from_string(join.ticket)).toBe(true);
    expect(parsed.verifySignature(DEV_CALL_CREDENTIALS.agoraCertificate)).toBe(true);
    expect(parsed.verifySignature('0'.repeat(32))).toBe(false);
    // The parser keeps strings as the bytes it read.
    const text = (value: unknown) => Buffer.from(value as Uint8Array).toString('utf8');
    expect(text(parsed.appId)).toBe(DEV_CALL_CREDENTIALS.agoraAppId);
    expect([text(parsed.services[0]!.__channel_name), text(parsed.services[0]!.__uid)]).toEqual(['interview-42', '1001']);
    expect(parsed.expire).toBe(3600);
    // expiresAt says when the token stops working: an hour after it was issued.
    expect(Math.round(join.expiresAt! / 1000 - before)).toBeGreaterThanOrEqual(3599);
    expect(Math.round(join.expiresAt! / 1000 - before)).toBeLessThanOrEqual(3601);
    expect(received(backend, 'POST', '/api/agora/call-token').at(-1)!.body).toEqual({
      channel: 'interview-42',
      participantId: '1001',
      role: 'publisher',
    });
  });

  it('LiveKit: a JWT that TokenVerifier accepts with the dev key, granting this room to this identity, sent with the bearer token', async () => {
    const { backend } = await devBackend();
    const tokens = createCallTokens(settingsFor(backend.env));
    const verifier = new TokenVerifier(DEV_CALL_CREDENTIALS.livekitApiKey, DEV_CALL_CREDENTIALS.livekitApiSecret);

    const publisher = await tokens.get({ provider: 'livekit', channel: 'room-7', participantId: 'candidate-1' });
    expect(publisher.serverUrl).toBe('wss://livekit.example.test');
    const claims = await verifier.verify(publisher.ticket);
    expect(claims.sub).toBe('candidate-1');
    expect(claims.video).toMatchObject({ roomJoin: true, room: 'room-7', canPublish: true, canSubscribe: true });
    expect(Math.abs(claims.exp! * 1000 - publisher.expiresAt!)).toBeLessThan(2000);

    const watcher = await tokens.get({ provider: 'livekit', channel: 'room-7', participantId: 'watcher', role: 'subscriber' });
    expect((await verifier.verify(watcher.ticket)).video).toMatchObject({ room: 'room-7', canPublish: false });
    await expect(new TokenVerifier('other', 'another-secret-of-enough-length-000000').verify(publisher.ticket)).rejects.toThrow();
    expect(received(backend, 'POST', '/api/recording/call-token').at(-1)!.headers.authorization).toBe(`Bearer ${backend.token}`);
  });

  it('reaches the renderer through getCallToken with the token intact (the IPC answer is redacted, the ticket is not)', async () => {
    const { backend } = await devBackend();
    const core = createTestCore(undefined, backend.env);
    const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: ['app://test'], redact: core.redact });
    const result = await dispatch(
      'getCallToken',
      { provider: 'agora', channel: 'c1', participantId: '7' },
      { origin: 'app://test', isMainFrame: true },
    );
    expect(result.ok).toBe(true);
    const join = (result as { value: { ticket: string; appId: string; joinTimeoutSeconds: number } }).value;
    expect(new AccessToken2().from_string(join.ticket)).toBe(true);
    expect(join).toMatchObject({ appId: DEV_CALL_CREDENTIALS.agoraAppId, joinTimeoutSeconds: 15 });

    const invalid = await dispatch(
      'getCallToken',
      { provider: 'zoom', channel: 'c1', participantId: '7' },
      { origin: 'app://test', isMainFrame: true },
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('a refused bearer token is an auth error that names the setting and never quotes the token', async () => {
    const { backend } = await devBackend();
    const error = await failureOf(
      createCallTokens(settingsFor(backend.env, { livekitToken: 'wrong-secret-token' })).get({
        provider: 'livekit',
        channel: 'r',
        participantId: 'p',
      }),
    );
    expect(error).toMatchObject({ code: 'BACKEND_ERROR', kind: 'auth', status: 401, retryable: false });
    expect(error.message).toContain('LiveKit token endpoint');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('backends.livekit.token');
    expect(error.message).not.toContain('wrong-secret-token');
  });

  it('a 4xx is a refusal with the endpoint’s reason; a 5xx is retryable', async () => {
    const { backend } = await devBackend();
    const tokens = createCallTokens(settingsFor(backend.env));
    const refused = await failureOf(tokens.get({ provider: 'agora', channel: 'c', participantId: '0' }));
    expect(refused).toMatchObject({ kind: 'invalid', status: 400, retryable: false });
    expect(refused.message).toMatch(
      /Agora token endpoint refused a token for channel "c" \(HTTP 400\): participantId: an Agora uid is 1 to/,
    );

    backend.setFault({ backend: 'agora', endpoint: 'call-token', mode: 'http500', times: 1 });
    const broken = await failureOf(tokens.get({ provider: 'agora', channel: 'c', participantId: '5' }));
    expect(broken).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(broken.message).toContain('Failed to create a call token');
    // The fault is used up: the next request gets a token.
    expect((await tokens.get({ provider: 'agora', channel: 'c', participantId: '5' })).ticket).toMatch(/^007/);
  });

  it('an endpoint that does not answer in time, or is not there, is unreachable (retryable)', async () => {
    const { backend } = await devBackend();
    backend.setFault({ backend: 'livekit', endpoint: 'call-token', mode: 'delay', delayMs: 3000, times: 1 });
    const slow = await failureOf(
      createCallTokens(settingsFor(backend.env), { timeoutMs: 300 }).get({ provider: 'livekit', channel: 'r', participantId: 'p' }),
    );
    expect(slow).toMatchObject({ kind: 'unreachable', retryable: true });
    expect(slow.message).toMatch(
      /Could not reach the LiveKit token endpoint at http:\/\/127\.0\.0\.1:\d+\/api\/recording\/call-token \(no answer in time\)/,
    );

    const env = { ...backend.env };
    await backend.close();
    const gone = await failureOf(createCallTokens(settingsFor(env)).get({ provider: 'agora', channel: 'c', participantId: '5' }));
    expect(gone).toMatchObject({ kind: 'unreachable', retryable: true });
    expect(gone.message).toContain('ECONNREFUSED');
  });

  it('without the settings it is NOT_CONFIGURED naming each missing one', async () => {
    const tokens = createCallTokens(configSchema.parse({ backends: { livekit: { url: 'wss://lk.example' } } }));
    const agora = await failureOf(tokens.get({ provider: 'agora', channel: 'c', participantId: '5' }));
    expect(agora).toMatchObject({ code: 'NOT_CONFIGURED' });
    expect(agora.message).toBe('Live calls over Agora are not configured: set backends.agora.appId and backends.agora.tokenUrl.');
    const livekit = await failureOf(tokens.get({ provider: 'livekit', channel: 'c', participantId: '5' }));
    expect(livekit.message).toBe('Live calls over LiveKit are not configured: set backends.livekit.tokenUrl.');
  });

  it('a provider IT left out of calls.allowedProviders is refused before any request, saying who decides', async () => {
    const { backend } = await devBackend();
    const settings = settingsFor(backend.env);
    const tokens = createCallTokens({ ...settings, calls: { ...settings.calls, allowedProviders: ['livekit'] } });
    const before = backend.requests().length;
    const refused = await failureOf(tokens.get({ provider: 'agora', channel: 'c', participantId: '5' }));
    expect(refused).toMatchObject({ code: 'NOT_CONFIGURED' });
    expect(refused.message).toBe(
      'Live calls over Agora are not allowed on this computer (calls.allowedProviders allows: LiveKit); ask your IT department.',
    );
    expect(backend.requests().length).toBe(before);
    await expect(tokens.get({ provider: 'livekit', channel: 'c', participantId: '5' })).resolves.toMatchObject({
      ticket: expect.any(String),
    });
  });

  it('an answer without a token is a contract error naming the field, with nothing of the answer quoted', async () => {
    const settings = configSchema.parse({ backends: { agora: { appId: 'a'.repeat(32), tokenUrl: 'https://tokens.example/agora' } } });
    const fetchStub = (async () =>
      new Response(JSON.stringify({ tokn: 'leaked-value', expiresAt: 'soon' }), { status: 200 })) as typeof fetch;
    const error = await failureOf(
      createCallTokens(settings, { fetch: fetchStub }).get({ provider: 'agora', channel: 'c', participantId: '5' }),
    );
    expect(error).toMatchObject({ kind: 'contract' });
    expect(error.message).toMatch(/^The Agora token endpoint answered in an unexpected form: token: /);
    expect(error.message).not.toContain('leaked-value');
  });
});
