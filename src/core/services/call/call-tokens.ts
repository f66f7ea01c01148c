// Join tokens for live calls, from the token endpoints in configuration (docs/backends.md, "Call tokens"). The
// renderer's call SDK needs a token to join; the endpoint's own credentials (the LiveKit bearer token) stay here.
import { z } from 'zod';
import type { Config } from '../../../shared/config/schema';
import { callTokenRequestSchema, type CallJoin, type CallTokenProvider, type CallTokenRequest } from '../../../shared/domain/call-join';
import { BackendError, HTTP, kindForStatus } from '../backends/backend-error';
import { sendHttp, type FetchPort } from '../backends/http-json';

/** A token endpoint answers within this; a join that waits longer has mostly used up its own timeout anyway. */
const TOKEN_TIMEOUT_MS = 10_000;

export interface CallTokenOptions {
  fetch?: FetchPort;
  timeoutMs?: number;
}

const LABELS: Record<CallTokenProvider, string> = {
  agora: 'Agora token endpoint',
  livekit: 'LiveKit token endpoint',
  dev: 'development call server',
};
const AUTH_HINT: Record<CallTokenProvider, string> = {
  agora: ' Ask the backend team whether the endpoint expects credentials from this app.',
  livekit: ' Check backends.livekit.token (IREC_LIVEKIT_TOKEN).',
  dev: '',
};
const PROVIDER_NAMES: Record<CallTokenProvider, string> = { agora: 'Agora', livekit: 'LiveKit', dev: 'the development call server' };

/** The endpoint's answer: `expiresAt` as ISO-8601 UTC or epoch seconds (what Agora and LiveKit tokens carry). */
const tokenReplySchema = z.object({
  token: z.string().min(1).max(4_096),
  expiresAt: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]).optional(),
});
/** Our contract's `{error}`; `{message}` too, the shape the recording backends answer errors in. */
const errorReplySchema = z.union([z.object({ error: z.string() }), z.object({ message: z.string() })]);

interface Endpoint {
  tokenUrl: string;
  headers: Record<string, string>;
  /** What the renderer needs beside the token (App ID, server URL). */
  join: Pick<CallJoin, 'appId' | 'serverUrl'>;
}

export interface CallTokens {
  /** A fresh token for `request` with the join information; a `BackendError` (or NOT_CONFIGURED) otherwise. */
  get(request: CallTokenRequest, signal?: AbortSignal): Promise<CallJoin>;
}

const notConfigured = (provider: CallTokenProvider, missing: string[]) =>
  new BackendError({
    backend: provider,
    kind: 'not-configured',
    message: `Live calls over ${PROVIDER_NAMES[provider]} are not configured: set ${missing.join(' and ')}.${provider === 'dev' ? ' npm start and npm run demo set both (IREC_DEV_CALL_URL, IREC_DEV_CALL_TOKEN_URL).' : ''}`,
  });

/** IT's `calls.allowedProviders` (a policy): a provider left out is refused before any request leaves the app. */
function refuseDisallowed(provider: CallTokenProvider, allowed: readonly CallTokenProvider[]): void {
  if (allowed.includes(provider)) return;
  const names = allowed.map((name) => PROVIDER_NAMES[name]).join(', ') || 'none';
  throw new BackendError({
    backend: provider,
    kind: 'not-configured',
    message: `Live calls over ${PROVIDER_NAMES[provider]} are not allowed on this computer (calls.allowedProviders allows: ${names}); ask your IT department.`,
  });
}

const missing = (settings: Record<string, string | undefined>) =>
  Object.entries(settings)
    .filter(([, value]) => !value)
    .map(([name]) => name);

/** The endpoint for a provider, or NOT_CONFIGURED naming every setting still missing. */
function endpointFor(provider: CallTokenProvider, backends: Config['backends']): Endpoint {
  if (provider === 'dev') {
    const { callUrl, callTokenUrl } = backends.dev;
    if (!callUrl || !callTokenUrl)
      throw notConfigured(provider, missing({ 'backends.dev.callUrl': callUrl, 'backends.dev.callTokenUrl': callTokenUrl }));
    return { tokenUrl: callTokenUrl, headers: {}, join: { serverUrl: callUrl } };
  }
  if (provider === 'agora') {
    const { appId, tokenUrl } = backends.agora;
    if (!appId || !tokenUrl)
      throw notConfigured(provider, [!appId && 'backends.agora.appId', !tokenUrl && 'backends.agora.tokenUrl'].filter(Boolean) as string[]);
    return { tokenUrl, headers: {}, join: { appId } };
  }
  const { url, tokenUrl, token } = backends.livekit;
  if (!url || !tokenUrl)
    throw notConfigured(provider, [!url && 'backends.livekit.url', !tokenUrl && 'backends.livekit.tokenUrl'].filter(Boolean) as string[]);
  return { tokenUrl, headers: token ? { Authorization: `Bearer ${token}` } : {}, join: { serverUrl: url } };
}

const expiryMs = (expiresAt: string | number | undefined): number | undefined =>
  expiresAt === undefined ? undefined : typeof expiresAt === 'number' ? expiresAt * 1000 : Date.parse(expiresAt);

/** `POST {channel, participantId, role}` to the provider's token endpoint, the answer checked before it is used. */
export function createCallTokens(settings: Pick<Config, 'backends' | 'calls'>, options: CallTokenOptions = {}): CallTokens {
  return {
    async get(input, signal) {
      const request = callTokenRequestSchema.parse(input);
      refuseDisallowed(request.provider, settings.calls.allowedProviders);
      const endpoint = endpointFor(request.provider, settings.backends);
      const label = LABELS[request.provider];
      // The whole URL is the endpoint: split so that sendHttp does not add a trailing slash to it.
      const cut = endpoint.tokenUrl.lastIndexOf('/');
      const reply = await sendHttp(
        request.provider,
        endpoint.tokenUrl.slice(0, cut),
        {
          method: 'POST',
          path: endpoint.tokenUrl.slice(cut + 1),
          body: { channel: request.channel, participantId: request.participantId, role: request.role },
          headers: endpoint.headers,
          timeoutMs: options.timeoutMs ?? TOKEN_TIMEOUT_MS,
          signal,
          label,
        },
        options.fetch,
      );
      if (reply.status !== HTTP.ok) {
        const said = errorReplySchema.safeParse(reply.body);
        const reason = said.success
          ? ('error' in said.data ? said.data.error : said.data.message).slice(0, 200)
          : reply.text || 'no reason given';
        const kind = kindForStatus(reply.status);
        throw new BackendError({
          backend: request.provider,
          kind,
          status: reply.status,
          message: `The ${label} refused a token for channel "${request.channel}" (HTTP ${reply.status}): ${reason}.${kind === 'auth' ? AUTH_HINT[request.provider] : ''}`,
        });
      }
      const parsed = tokenReplySchema.safeParse(reply.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new BackendError({
          backend: request.provider,
          kind: 'contract',
          message: `The ${label} answered in an unexpected form: ${issue.path.join('.') || 'the body'}: ${issue.message}.`,
        });
      }
      const expiresAt = expiryMs(parsed.data.expiresAt);
      return {
        ticket: parsed.data.token,
        ...(expiresAt === undefined ? {} : { expiresAt }),
        ...endpoint.join,
        ...(request.provider === 'agora' ? { agoraSdk: settings.calls.agoraSdk } : {}),
        joinTimeoutSeconds: settings.calls.joinTimeoutSeconds,
      };
    },
  };
}
