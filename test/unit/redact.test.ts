import { describe, expect, it } from 'vitest';
import { redact, REDACTED, redactWith } from '../../src/shared/redact';

const KEY_ID = 'AKIAPLANTEDKEY7XQ2ZW';
const SESSION_TOKEN = 'FwoGZXIvYXdzEPlantedSessionToken/with+slash=';

describe('redaction', () => {
  it('replaces known secret values, as written and URL-encoded, and leaves short ones alone', () => {
    const secret = 'plantedSecret/Access+Key0123';
    const out = redact(`a ${secret} b ${encodeURIComponent(secret)} c`, [secret, 'abc']);
    expect(out).toBe(`a ${REDACTED} b ${REDACTED} c`);
    // A value shorter than six characters would blank ordinary words: it is not searched for.
    expect(redact('abc def', ['abc'])).toBe('abc def');
  });

  it.each([
    [
      'an Authorization header',
      `authorization: AWS4-HMAC-SHA256 Credential=${KEY_ID}/20261201/us-east-1/s3/aws4_request, Signature=ab12`,
      'authorization: [redacted]',
    ],
    ['an Authorization header in JSON', '{"Authorization":"Bearer tok.en-1","x":"y"}', '{"Authorization":"[redacted]","x":"y"}'],
    ['X-Amz-Security-Token as a header', `x-amz-security-token: ${SESSION_TOKEN}\nhost: s3`, 'x-amz-security-token: [redacted]\nhost: s3'],
    [
      'Credential= on its own',
      `Credential=${KEY_ID}/20261201/us-east-1/s3/aws4_request, SignedHeaders=host`,
      'Credential=[redacted], SignedHeaders=host',
    ],
    ['Signature= on its own', 'SignedHeaders=host, Signature=0123456789abcdef', 'SignedHeaders=host, Signature=[redacted]'],
    [
      'a signed URL',
      `https://s3/b/k?X-Amz-Credential=${KEY_ID}%2F2026&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}&X-Amz-Signature=ab12&x=1`,
      'https://s3/b/k?X-Amz-Credential=[redacted]&X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]&x=1',
    ],
    ['a token in a query string', 'GET /status?egressId=EG_1&access_token=abc123', 'GET /status?egressId=EG_1&access_token=[redacted]'],
    ['a bearer token', 'sent Bearer syt_abc.def-123 to the server', 'sent Bearer [redacted] to the server'],
    ['an AWS key id', `key ${KEY_ID} refused`, 'key [redacted-aws-key-id] refused'],
    ['a password in a URL', 'could not reach http://ops:hunter2@backend.example/api', 'could not reach http://ops:***@backend.example/api'],
  ])('removes %s', (_what, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps the words people need: statuses, S3 codes, messages', () => {
    const text =
      'S3 refused the upload (403 AccessDenied): Access Denied. The LiveKit recording backend did not accept the access token: expired.';
    expect(redact(text)).toBe(text);
  });

  it('redacts every string of nested objects and arrays, keeps their shape, and blanks secret-named keys', () => {
    const out = redact(
      {
        s3: { bucket: 'b', credentials: { accessKeyId: KEY_ID, secretAccessKey: 'wJalrXUtnFEMI' } },
        livekit: { token: 'tok', hasToken: true },
        sessions: [{ error: `refused: Bearer abc`, attempts: 2, note: null }],
      },
      ['never-used'],
    );
    expect(out).toEqual({
      s3: { bucket: 'b', credentials: { accessKeyId: REDACTED, secretAccessKey: REDACTED } },
      livekit: { token: REDACTED, hasToken: true },
      sessions: [{ error: `refused: Bearer ${REDACTED}`, attempts: 2, note: null }],
    });
  });

  it('turns an Error into a plain name, message and stack without the secret', () => {
    const error = new Error('auth failed for token s3cr3tvalue');
    const out = redact({ error }, ['s3cr3tvalue']) as { error: { name: string; message: string; stack: string } };
    expect(out.error).toMatchObject({ name: 'Error', message: `auth failed for token ${REDACTED}` });
    expect(out.error.stack).not.toContain('s3cr3tvalue');
  });

  it('passes bytes and dates through untouched, and survives a cycle', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const when = new Date(0);
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const out = redact({ bytes, when, cyclic }) as { bytes: Uint8Array; when: Date; cyclic: { self: unknown } };
    expect(out.bytes).toBe(bytes);
    expect(out.when).toBe(when);
    expect(out.cyclic.self).toBe('[circular]');
  });

  it('redactWith binds one process’s secrets, never changing the input', () => {
    const scrub = redactWith(['syt_planted_livekit_token']);
    const input = { message: 'echo syt_planted_livekit_token' };
    expect(scrub(input)).toEqual({ message: `echo ${REDACTED}` });
    expect(input.message).toBe('echo syt_planted_livekit_token');
    expect(scrub('plain text')).toBe('plain text');
  });
});
