// Join tokens for live calls, as docs/backends.md ("Call tokens") defines the endpoint: POST {channel, participantId,
// role} → {token, expiresAt}. Real tokens, so the app's token path is exercised end to end: Agora RTC tokens (007)
// from `agora-token` and LiveKit JWTs from `livekit-server-sdk`, signed with the development backend's own App ID
// and certificate, API key and secret below. They can join no real Agora project or LiveKit server.
import agoraTokenPackage from 'agora-token';
import { isObject } from './context';
import type { DevReply, DevRequest, Route } from './types';

// agora-token is CommonJS whose exports Node's ESM loader cannot name (tsx runs the benchmarks as ESM): take them
// from its default export, which every loader and bundler gives.
const { RtcRole, RtcTokenBuilder } = agoraTokenPackage;

/** The development backend's call credentials (made up: they belong to no Agora project or LiveKit server). */
export const DEV_CALL_CREDENTIALS = {
  agoraAppId: '0de7ca11de7ca11de7ca11de7ca11000',
  agoraCertificate: '5ec0de7ca11de7ca11de7ca11de7ca11',
  livekitApiKey: 'APIdevcall',
  livekitApiSecret: 'dev-call-secret-for-livekit-tokens-0000',
} as const;

export const DEFAULT_CALL_TOKEN_TTL_SECONDS = 3600;
const MIN_TTL_SECONDS = 5;
const MAX_TTL_SECONDS = 24 * 3600;
const AGORA_CHANNEL = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
const MAX_AGORA_UID = 2 ** 32 - 1;

interface TokenRequest {
  channel: string;
  participantId: string;
  role: 'publisher' | 'subscriber';
  ttlSeconds: number;
}

const refuse = (error: string): DevReply => ({ status: 400, body: { error } });

/** The request's fields, or the 400 that names the first wrong one. `ttlSeconds` is a development extra for tests. */
function readRequest(req: DevRequest): TokenRequest | DevReply {
  if (req.malformed || !isObject(req.body)) return refuse('Expected a JSON object {channel, participantId, role}');
  const { channel, participantId, role = 'publisher', ttlSeconds = DEFAULT_CALL_TOKEN_TTL_SECONDS } = req.body;
  if (typeof channel !== 'string' || !AGORA_CHANNEL.test(channel)) return refuse('channel: 1–64 characters of Agora’s channel alphabet');
  if (typeof participantId !== 'string' || !/^[\w.@-]{1,128}$/.test(participantId)) return refuse('participantId: 1–128 letters or digits');
  if (role !== 'publisher' && role !== 'subscriber') return refuse('role: publisher or subscriber');
  if (typeof ttlSeconds !== 'number' || !Number.isInteger(ttlSeconds) || ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS)
    return refuse(`ttlSeconds: an integer from ${MIN_TTL_SECONDS} to ${MAX_TTL_SECONDS}`);
  return { channel, participantId, role, ttlSeconds };
}

const isReply = (value: TokenRequest | DevReply): value is DevReply => 'status' in value;

const issued = (token: string, ttlSeconds: number): DevReply => ({
  status: 200,
  body: { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() },
});

/** Agora: a uid of digits gets a uid token, anything else a user-account (string uid) token. */
function agoraToken({ channel, participantId, role, ttlSeconds }: TokenRequest): DevReply {
  const { agoraAppId, agoraCertificate } = DEV_CALL_CREDENTIALS;
  const rtcRole = role === 'publisher' ? RtcRole.PUBLISHER : RtcRole.SUBSCRIBER;
  const uid = /^\d{1,10}$/.test(participantId) ? Number(participantId) : undefined;
  if (uid !== undefined && (uid < 1 || uid > MAX_AGORA_UID)) return refuse(`participantId: an Agora uid is 1 to ${MAX_AGORA_UID}`);
  const token =
    uid === undefined
      ? RtcTokenBuilder.buildTokenWithUserAccount(agoraAppId, agoraCertificate, channel, participantId, rtcRole, ttlSeconds, ttlSeconds)
      : RtcTokenBuilder.buildTokenWithUid(agoraAppId, agoraCertificate, channel, uid, rtcRole, ttlSeconds, ttlSeconds);
  return issued(token, ttlSeconds);
}

/** LiveKit: a room-join grant for the room; a subscriber may not publish. */
async function livekitToken({ channel, participantId, role, ttlSeconds }: TokenRequest): Promise<DevReply> {
  // livekit-server-sdk is ESM-only and this backend is bundled as CommonJS: import() loads it.
  const { AccessToken } = await import('livekit-server-sdk');
  const grant = new AccessToken(DEV_CALL_CREDENTIALS.livekitApiKey, DEV_CALL_CREDENTIALS.livekitApiSecret, {
    identity: participantId,
    ttl: ttlSeconds,
  });
  grant.addGrant({ roomJoin: true, room: channel, canPublish: role === 'publisher', canSubscribe: true });
  return issued(await grant.toJwt(), ttlSeconds);
}

/** `POST <prefix>/call-token` in a backend's routes (its auth and faults apply, endpoint name `call-token`). */
export function callTokenRoute(provider: 'agora' | 'livekit'): Route {
  return {
    method: 'POST',
    pattern: /^\/call-token$/,
    endpoint: 'call-token',
    async handle(req) {
      const request = readRequest(req);
      if (isReply(request)) return request;
      return provider === 'agora' ? agoraToken(request) : livekitToken(request);
    },
  };
}
