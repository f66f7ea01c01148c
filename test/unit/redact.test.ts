import { describe, expect, it } from 'vitest';
import { redact, REDACTED } from '../../src/core/services/logging/redact';

describe('redaction', () => {
  it('removes values under secret-sounding keys at any depth', () => {
    const out = redact({
      s3: { credentials: { accessKeyId: 'AKIAABCDEFGHIJKLMNOP', secretAccessKey: 'wJalrXUtnFEMI' } },
      livekit: { token: 'tok' },
      bucket: 'b',
    });
    expect(out).toEqual({ s3: { credentials: REDACTED }, livekit: { token: REDACTED }, bucket: 'b' });
  });

  it('scrubs known secret values, bearer tokens, AWS key ids and signed-URL parameters inside text', () => {
    const text =
      'GET https://s3/x?X-Amz-Signature=abc123&X-Amz-Credential=AKIA/2026 with Bearer eyJhbGci.x.y key AKIAABCDEFGHIJKLMNOP pw hunter22';
    const out = redact(text, ['hunter22']) as string;
    expect(out).not.toMatch(/abc123|eyJhbGci|AKIAABCDEFGHIJKLMNOP|hunter22/);
    expect(out).toContain('X-Amz-Signature=[redacted]');
    expect(out).toContain('Bearer [redacted]');
  });

  it('keeps errors readable without their secrets', () => {
    const out = redact({ error: new Error('auth failed for token s3cr3tvalue') }, ['s3cr3tvalue']) as { error: { message: string } };
    expect(out.error.message).toBe(`auth failed for token ${REDACTED}`);
  });
});
