import type { ErrorCode } from '../../shared/errors';

export interface AppErrorOptions {
  /** Whether the same call may succeed later (network, a busy backend, a full disk freed). */
  retryable?: boolean;
  /** Facts for logs and tooling (ids, HTTP status); never secrets, never shown as the message. */
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

/**
 * The one error type of the core: a code from a closed set, a message written for people, whether retrying can
 * help, and details. The IPC dispatcher turns it into the envelope's error, the CLI into an exit code; any other
 * thrown value is an INTERNAL error (a bug).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

export const isAppError = (error: unknown, code?: ErrorCode): error is AppError =>
  error instanceof AppError && (code === undefined || error.code === code);

/** What a service of a degraded core (no catalog) answers with. */
export const unavailable = (reason: string): AppError => new AppError('UNAVAILABLE', `Not available: ${reason}`, { details: { reason } });
