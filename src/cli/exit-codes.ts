import type { ErrorCode } from '../shared/errors';

/** irec's exit codes: one per kind of trouble a script may want to tell apart. */
export const EXIT = {
  ok: 0,
  /** The command ran and reports a failure (unhealthy, an upload failed), or an unexpected error. */
  failure: 1,
  usage: 2,
  notFound: 3,
  /** Not configured, or a tool or the catalog is not available. */
  unavailable: 4,
  backend: 5,
  media: 6,
  diskFull: 7,
  /** Ctrl+C: the shell's own code for an interrupted command. */
  cancelled: 130,
} as const;

/** The one table from the app's error codes to exit codes; `irec --help` prints it. */
const EXIT_BY_CODE: Record<ErrorCode, number> = {
  INVALID_PAYLOAD: EXIT.usage,
  NOT_FOUND: EXIT.notFound,
  UNAVAILABLE: EXIT.unavailable,
  NOT_CONFIGURED: EXIT.unavailable,
  BACKEND_ERROR: EXIT.backend,
  MEDIA_ERROR: EXIT.media,
  DISK_FULL: EXIT.diskFull,
  CANCELLED: EXIT.cancelled,
  CONFLICT: EXIT.failure,
  FORBIDDEN_SENDER: EXIT.failure,
  UNKNOWN_CHANNEL: EXIT.failure,
  INTERNAL: EXIT.failure,
};

export const exitCodeOf = (code: ErrorCode): number => EXIT_BY_CODE[code];

const MEANING: Record<(typeof EXIT)[keyof typeof EXIT], string> = {
  [EXIT.ok]: 'success',
  [EXIT.failure]: 'failure or unhealthy (the command ran and says what failed), or an unexpected error',
  [EXIT.usage]: 'wrong usage',
  [EXIT.notFound]: 'not found: no such recording or file',
  [EXIT.unavailable]: 'not configured or unavailable: no S3 bucket, no ffmpeg, a catalog written by a newer app',
  [EXIT.backend]: 'a backend or S3 refused the call or failed',
  [EXIT.media]: 'the recorded media cannot be read or made into a file',
  [EXIT.diskFull]: 'not enough disk space',
  [EXIT.cancelled]: 'cancelled (Ctrl+C)',
};

/** The "Exit codes" part of `irec --help`, from the table above (integer keys iterate in ascending order). */
export const EXIT_CODES_HELP = `Exit codes:\n${Object.entries(MEANING)
  .map(([code, meaning]) => `  ${code.padEnd(5)}${meaning}`)
  .join('\n')}`;
