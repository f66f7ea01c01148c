import type { ErrorCode } from '../../../shared/errors';
import { AppError } from '../../errors/app-error';

/**
 * Stops the job: the person must act (credentials, bucket, clock, a vanished or changed file). BACKEND_ERROR
 * unless the cause is local (NOT_FOUND: the file is gone; CONFLICT: it changed under the upload).
 */
export class UploadFatalError extends AppError {
  constructor(message: string, code: ErrorCode = 'BACKEND_ERROR') {
    super(code, message);
  }
}

/** The multipart upload cannot be continued (gone from the bucket, or its parts no longer match the file): start a new one. */
export class UploadGoneError extends AppError {
  constructor(message: string) {
    super('BACKEND_ERROR', message, { retryable: true });
  }
}
