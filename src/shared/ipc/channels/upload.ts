import { z } from 'zod';
import { uploadProgressSchema } from '../../domain/upload';

const recordingRef = z.strictObject({ recordingId: z.string().min(1).max(200) });

/** S3 upload of a recording: progress (also pushed as `uploadProgress` events), start or retry, cancel. */
export const uploadChannels = {
  getUploadProgress: { request: recordingRef, response: uploadProgressSchema },
  /** Starts (or retries, resuming confirmed parts) the upload of a finalized recording. */
  startUpload: { request: recordingRef, response: uploadProgressSchema },
  cancelUpload: { request: recordingRef, response: uploadProgressSchema },
} as const;
