import { maskUrlPassword } from './mask-url';

/**
 * The app's one redaction, for text and for values: what a server echoes (its error text with our
 * Authorization header, key id or session token in it), what we log, store, publish or print passes through here
 * first. Every boundary where outside text can leave the process calls it: the backend clients and the S3 error
 * classification (where a reply becomes an error), the catalog's error columns, the event bus, the IPC
 * dispatcher, the CLI's output and the logger. See docs/security.md.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are never shown, whatever object they sit in. */
const SECRET_KEY = /(secret|token|password|passwd|authorization|credential|api[-_]?key|access[-_]?key|signature|cookie)/i;

/** Known values shorter than this are not searched for: they would blank out ordinary words and numbers. */
const MIN_SECRET_LENGTH = 6;

/** What a value of a header or a parameter may be made of, up to the next separator. */
const VALUE = `[^\\s,&"'<>;]+`;

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // A header as "Name: value" or name=value, in text, JSON or XML. Authorization and cookies hold several words:
  // up to the end of the line or quote; a token is one word.
  [/\b((?:proxy-)?authorization|(?:set-)?cookie)(["']?[ \t]*[:=][ \t]*["']?)[^"'\r\n<>]+/gi, `$1$2${REDACTED}`],
  [new RegExp(`\\b(x-amz-security-token|x-api-key)(["']?[ \\t]*[:=][ \\t]*["']?)${VALUE}`, 'gi'), `$1$2${REDACTED}`],
  // SigV4 parts (in a header or a signed URL's query), and tokens in query strings.
  [new RegExp(`\\b((?:x-amz-)?(?:credential|signature|security-token)=)${VALUE}`, 'gi'), `$1${REDACTED}`],
  [new RegExp(`([?&](?:token|access_token|api[-_]?key)=)${VALUE}`, 'gi'), `$1${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, '[redacted-aws-key-id]'],
];

/** The secrets to search for: long enough, as written and URL-encoded, longest first (so a longer one goes whole). */
function searchable(secrets: readonly string[]): string[] {
  const usable = secrets.filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH);
  return [...new Set(usable.flatMap((secret) => [secret, encodeURIComponent(secret)]))].sort((a, b) => b.length - a.length);
}

function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return maskUrlPassword(out);
}

/** Bytes (a chunk, question audio), dates and class instances are not text: they pass as they are. */
const isPlainObject = (value: object) => [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/**
 * Strings stay strings and plain objects keep their keys, so a redacted payload still matches its schema. `ancestors`
 * stops a cycle (a logged object that refers to itself) instead of recursing forever.
 */
function redactValue(value: unknown, secrets: readonly string[], secretKey: boolean, ancestors: WeakSet<object>): unknown {
  if (typeof value === 'string') return secretKey && value !== '' ? REDACTED : redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return '[circular]';
  ancestors.add(value);
  try {
    if (value instanceof Error) {
      const { name, message, stack } = value;
      return { name, message: redactText(message, secrets), ...(stack ? { stack: redactText(stack, secrets) } : {}) };
    }
    if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, secretKey, ancestors));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, secrets, secretKey || SECRET_KEY.test(key), ancestors);
    return out;
  } finally {
    ancestors.delete(value);
  }
}

export interface Redact {
  (value: string): string;
  (value: unknown): unknown;
}

/**
 * `value` without secrets: every known secret value (raw or URL-encoded), `Authorization`/`Cookie`/
 * `X-Amz-Security-Token` headers, `Credential=` and `Signature=`, bearer tokens, AWS key ids and passwords in URLs
 * are replaced, in text and in every string of an object; strings under secret-sounding keys go whole. An Error
 * becomes a plain `{ name, message, stack }`. Nothing is changed in place.
 */
export function redact(value: string, secrets?: readonly string[]): string;
export function redact(value: unknown, secrets?: readonly string[]): unknown;
export function redact(value: unknown, secrets: readonly string[] = []): unknown {
  return redactValue(value, searchable(secrets), false, new WeakSet());
}

/** `redact` with the secrets one process knows, for the boundaries it hands to its services. */
export function redactWith(secrets: readonly string[]): Redact {
  const known = searchable(secrets);
  return ((value: unknown) => redactValue(value, known, false, new WeakSet())) as Redact;
}
