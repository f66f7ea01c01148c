import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCallSecret, mintCallToken, verifyCallToken } from '../../tools/dev-backend/call/tokens';
import { tempDir } from '../support/temp-dir';

const secret = Buffer.alloc(32, 7);
const claims = { room: 'interview-1', participantId: 'a', role: 'publisher' as const, expiresAt: 2_000_000 };
const expect_ = { room: 'interview-1', participantId: 'a' };

describe('development call tokens', () => {
  it('verifies a token it minted, until it expires', () => {
    const token = mintCallToken(secret, claims);
    expect(verifyCallToken(secret, token, expect_, 1_999_999)).toEqual({ ok: true, claims });
    expect(verifyCallToken(secret, token, expect_, 2_000_000)).toEqual({
      ok: false,
      reason: 'the token expired at 1970-01-01T00:33:20.000Z',
    });
  });

  it('refuses a missing, malformed, forged or tampered token, and one for another room or participant', () => {
    const token = mintCallToken(secret, claims);
    const [body, signature] = token.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, participantId: 'b' })).toString('base64url')}.${signature}`;
    const reasons = [
      verifyCallToken(secret, '', expect_, 0),
      verifyCallToken(secret, 'abc', expect_, 0),
      verifyCallToken(secret, `${token}.x`, expect_, 0),
      verifyCallToken(Buffer.alloc(32, 8), token, expect_, 0),
      verifyCallToken(secret, tampered, { ...expect_, participantId: 'b' }, 0),
      verifyCallToken(secret, `${body}.${signature!.slice(0, -2)}`, expect_, 0),
      verifyCallToken(secret, token, { ...expect_, room: 'interview-2' }, 0),
      verifyCallToken(secret, token, { ...expect_, participantId: 'b' }, 0),
    ].map((check) => (check.ok ? 'accepted' : check.reason));
    expect(reasons).toEqual([
      'no token was given',
      'the token is malformed',
      'the token is malformed',
      'the token signature does not match (not minted by this server)',
      'the token signature does not match (not minted by this server)',
      'the token signature does not match (not minted by this server)',
      'the token is for room "interview-1", not "interview-2"',
      'the token is for participant "a", not "b"',
    ]);
  });

  it('keeps its secret in the data folder, so tokens outlive a restart of the backend', () => {
    const dir = tempDir();
    const first = loadCallSecret(dir);
    expect(loadCallSecret(dir)).toEqual(first);
    expect(first).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'call-secret')).mode & 0o777).toBe(0o600);
  });
});
