/**
 * The closed set of error codes the app speaks, in the core (`AppError`), over IPC (`IpcError`) and as CLI exit
 * codes. Pure data, so the renderer can branch on the same names.
 */
export const errorCodes = [
  'INVALID_PAYLOAD',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'DISK_FULL',
  'UNAVAILABLE',
  'NOT_CONFIGURED',
  'CANCELLED',
  'MEDIA_ERROR',
  'BACKEND_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
