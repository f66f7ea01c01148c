import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../errors';

/** The envelope's codes are the app's one closed set (`AppError` in the core speaks the same names). */
export const ipcErrorCodes = errorCodes;
export type IpcErrorCode = ErrorCode;

export const ipcErrorSchema = z.object({
  code: z.enum(ipcErrorCodes),
  message: z.string(),
  /** Whether the same call may succeed later; absent means no. */
  retryable: z.boolean().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Facts for tooling (ids, a reason); never secrets, never the text shown to people. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type IpcErrorShape = z.infer<typeof ipcErrorSchema>;

/** The error every `window.api` call rejects with; it survives any transport as plain data. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;
  readonly retryable: boolean;
  readonly issues: IpcErrorShape['issues'];
  readonly details: IpcErrorShape['details'];

  constructor(shape: IpcErrorShape) {
    super(shape.message);
    this.name = 'IpcError';
    this.code = shape.code;
    this.retryable = shape.retryable ?? false;
    this.issues = shape.issues;
    this.details = shape.details;
  }

  toShape(): IpcErrorShape {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** What every transport carries back: a value or a typed error, never a thrown string. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };
