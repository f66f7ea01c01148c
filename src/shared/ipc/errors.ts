import { z } from 'zod';

export const ipcErrorCodes = [
  'INVALID_PAYLOAD',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'DISK_FULL',
  'UNAVAILABLE',
  'CANCELLED',
  'MEDIA_ERROR',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(ipcErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcErrorShape = z.infer<typeof ipcErrorSchema>;

/** The error every `window.api` call rejects with; it survives any transport as plain data. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;
  readonly issues: IpcErrorShape['issues'];

  constructor(shape: IpcErrorShape) {
    super(shape.message);
    this.name = 'IpcError';
    this.code = shape.code;
    this.issues = shape.issues;
  }

  toShape(): IpcErrorShape {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** What every transport carries back: a value or a typed error, never a thrown string. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };
