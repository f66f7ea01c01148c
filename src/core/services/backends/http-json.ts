import type { z } from 'zod';
import { redactWith } from '../../../shared/redact';
import { BACKEND_LABELS, BackendError, type BackendName } from './backend-error';

/** The one network dependency of the backend clients (global `fetch` in Node and Electron; a stub in unit tests). */
export type FetchPort = typeof fetch;

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Joined to the client's base URL; may carry a query string. */
  path: string;
  /** Sent as JSON, or as multipart when it is FormData. */
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How messages name the server, when it is not the backend itself (e.g. its call-token endpoint). */
  label?: string;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  /** The JSON body, or null when the body was empty or not JSON (a proxy's HTML error page). */
  body: unknown;
  /** The first characters of a body that was not JSON, for the error message. */
  text: string;
}

const CREDENTIAL_HEADER = /authorization|token|key|cookie/i;

/** What a request's credential headers carry (`Bearer <token>` and the token alone): a reply that echoes them is cut. */
function headerSecrets(headers: Record<string, string> = {}): string[] {
  return Object.entries(headers)
    .filter(([name]) => CREDENTIAL_HEADER.test(name))
    .flatMap(([, value]) => [value, ...value.split(/\s+/).slice(1)]);
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** `http://host/api/agora` + `recording/start` → `http://host/api/agora/recording/start`, whatever the slashes. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/**
 * One HTTP exchange. Any status is returned (each client reads its own error bodies); only a failure to get an
 * answer at all (refused, reset, DNS, timeout) throws, as a retryable `unreachable` error.
 */
export async function sendHttp(
  backend: BackendName,
  baseUrl: string,
  request: HttpRequest,
  fetchPort: FetchPort = fetch,
): Promise<HttpReply> {
  const url = joinUrl(baseUrl, request.path);
  // Whatever the server answers may become an error message: it is redacted here, where it enters the app.
  const redact = redactWith(headerSecrets(request.headers));
  const isForm = request.body instanceof FormData;
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    response = await fetchPort(url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        ...(request.body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : isForm ? (request.body as FormData) : JSON.stringify(request.body),
      signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout,
    });
    text = await response.text();
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new BackendError({
      backend,
      kind: 'unreachable',
      message: redact(`Could not reach the ${request.label ?? BACKEND_LABELS[backend]} at ${url} (${networkReason(error)}).`),
    });
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  // An answer that is an error is text for people, redacted whole (before it is cut short, so no secret is cut in two).
  const failed = response.status >= 300;
  return {
    status: response.status,
    headers: response.headers,
    body: failed ? redact(body) : body,
    text: body === null ? redact(text).slice(0, 200) : '',
  };
}

/**
 * Validates a reply against its documented shape. Unknown extra fields are ignored; a missing or mistyped
 * field is a contract error that names the field, so the backend team knows what to fix.
 */
export function parseReply<S extends z.ZodType>(backend: BackendName, schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : 'the body';
  throw new BackendError({
    backend,
    kind: 'contract',
    message: `The ${BACKEND_LABELS[backend]} answered ${what} in an unexpected form: ${field}: ${issue.message.replace(/^Invalid input: /, '')}.`,
    reply: body,
  });
}

/** Retry-After (seconds or an HTTP date) in milliseconds, when present and sensible. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
