import { redact } from '../../../shared/redact';
import { AppError } from '../../errors/app-error';

export const backendNames = ['agora', 'livekit', 'media', 'dev'] as const;
export type BackendName = (typeof backendNames)[number];

/** How people name each backend in messages. */
export const BACKEND_LABELS: Record<BackendName, string> = {
  agora: 'Agora recording backend',
  livekit: 'LiveKit recording backend',
  media: 'Media Recording API',
  dev: 'development call server',
};

/**
 * What went wrong, as far as a caller needs to decide what to do next:
 * - `unreachable`, `server`, `rate-limited`: try again later (retryable);
 * - `auth`: the token is missing or expired; stop until the user signs in again;
 * - `invalid`: the request was refused before or at the backend (bad channel, 400/422); retrying cannot help;
 * - `not-found`: the backend does not know the recording or session;
 * - `contract`: the reply does not match the documented contract (names the field);
 * - `no-cloud-storage`: Agora stopped, but without a file list: the backend has no cloud storage configured;
 * - `recording-failed`: the backend reports that the cloud recording itself failed;
 * - `not-configured`: no URL is set for this backend; the message names the setting.
 */
export type BackendErrorKind =
  | 'unreachable'
  | 'server'
  | 'rate-limited'
  | 'auth'
  | 'invalid'
  | 'not-found'
  | 'contract'
  | 'no-cloud-storage'
  | 'recording-failed'
  | 'not-configured';

export interface BackendErrorInfo {
  backend: BackendName;
  kind: BackendErrorKind;
  message: string;
  /** HTTP status, when the backend answered. */
  status?: number;
  /** Per-field messages (Agora 422, or checks made before sending). */
  fieldErrors?: Record<string, string[]>;
  /** How long the backend asked us to wait (429 Retry-After / X-RateLimit-Reset). */
  retryAfterMs?: number;
  /** The decoded reply, when the call was answered but is still an error (e.g. a stop without files). */
  reply?: unknown;
}

const RETRYABLE: ReadonlySet<BackendErrorKind> = new Set(['unreachable', 'server', 'rate-limited']);

/** The HTTP statuses the backends' documents name; every status decision reads them from here. */
export const HTTP = {
  ok: 200,
  accepted: 202,
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  requestTimeout: 408,
  unprocessable: 422,
  tooManyRequests: 429,
  serverError: 500,
} as const;

/**
 * A backend call that failed, as an `AppError` (BACKEND_ERROR, or NOT_CONFIGURED when no URL is set) whose
 * `retryable` follows the kind: the network, a 5xx or a rate limit, never a refusal.
 */
export class BackendError extends AppError {
  readonly backend: BackendName;
  readonly kind: BackendErrorKind;
  readonly status?: number;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterMs?: number;
  readonly reply?: unknown;

  constructor(info: BackendErrorInfo) {
    // Messages quote the backend's words; secret-looking text in them goes here (known values at each exit).
    super(info.kind === 'not-configured' ? 'NOT_CONFIGURED' : 'BACKEND_ERROR', redact(info.message), {
      retryable: RETRYABLE.has(info.kind),
      details: { backend: info.backend, kind: info.kind, ...(info.status === undefined ? {} : { status: info.status }) },
    });
    this.backend = info.backend;
    this.kind = info.kind;
    this.status = info.status;
    this.fieldErrors = info.fieldErrors;
    this.retryAfterMs = info.retryAfterMs;
    this.reply = info.reply;
  }
}

export const isBackendError = (error: unknown, kind?: BackendErrorKind): error is BackendError =>
  error instanceof BackendError && (kind === undefined || error.kind === kind);

/** "channel_name: The channel name field is required.; uid: …" */
export function describeFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
}

/** What an HTTP error status means for the caller, the same for every backend. */
export function kindForStatus(status: number): BackendErrorKind {
  if (status === HTTP.unauthorized || status === HTTP.forbidden) return 'auth';
  if (status === HTTP.notFound) return 'not-found';
  if (status === HTTP.tooManyRequests) return 'rate-limited';
  if (status === HTTP.requestTimeout || status >= HTTP.serverError) return 'server';
  return 'invalid';
}
