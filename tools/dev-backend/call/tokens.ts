// Join tokens for the development call server: `base64url(claims).base64url(HMAC-SHA256(claims))`, signed with a
// secret kept in the backend's data folder so tokens survive a restart of the backend (a reconnecting call keeps
// working). Like Agora's and LiveKit's tokens they name one room and one participant and expire.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CallTokenClaims {
  room: string;
  participantId: string;
  /** A subscriber may watch and listen but not publish. */
  role: 'publisher' | 'subscriber';
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: CallTokenClaims } | { ok: false; reason: string };

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
export const MAX_TOKEN_TTL_SECONDS = 24 * 3600;

/** The signing secret in `<dataDir>/call-secret`, made (0600) on first use. */
export function loadCallSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'call-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  fs.writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

const sign = (secret: Buffer, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

export function mintCallToken(secret: Buffer, claims: CallTokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** Checks signature, expiry and that the token is for this room and participant; the reason is for people. */
export function verifyCallToken(
  secret: Buffer,
  token: string,
  expect: { room: string; participantId: string },
  now = Date.now(),
): TokenCheck {
  if (!token) return { ok: false, reason: 'no token was given' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'the token is malformed' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'the token signature does not match (not minted by this server)' };
  }
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CallTokenClaims;
  if (claims.room !== expect.room) return { ok: false, reason: `the token is for room "${claims.room}", not "${expect.room}"` };
  if (claims.participantId !== expect.participantId) {
    return { ok: false, reason: `the token is for participant "${claims.participantId}", not "${expect.participantId}"` };
  }
  if (!(claims.expiresAt > now)) return { ok: false, reason: `the token expired at ${new Date(claims.expiresAt).toISOString()}` };
  return { ok: true, claims };
}
