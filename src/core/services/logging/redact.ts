/** Keys whose values are never written anywhere, whatever object they sit in. */
const SECRET_KEY = /(secret|token|password|passwd|authorization|credential|api[-_]?key|access[-_]?key|signature|cookie)/i;

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, '[redacted-aws-key-id]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  [/([?&](?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|token|access_token|signature)=)[^&\s"]+/gi, '$1[redacted]'],
];

export const REDACTED = '[redacted]';

function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Deep copy of `value` with secret-named keys, known secret values and secret-looking strings removed. */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { name: value.name, message: redactString(value.message, secrets), stack: value.stack && redactString(value.stack, secrets) };
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null && item !== '' ? REDACTED : redact(item, secrets, depth + 1);
  }
  return out;
}
