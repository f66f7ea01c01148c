import { z } from 'zod';

/**
 * Where a recording's upload stands. `streaming`: the recorded stream goes up while recording; `offline`: waiting
 * for the network; `retrying`: the store answered with an error worth retrying; `not-configured`: no bucket.
 */
export const uploadStates = [
  'not-configured',
  'waiting',
  'streaming',
  'uploading',
  'offline',
  'retrying',
  'uploaded',
  'failed',
  'cancelled',
] as const;
export type UploadState = (typeof uploadStates)[number];

export const uploadProgressSchema = z.object({
  recordingId: z.string(),
  state: z.enum(uploadStates),
  /** Bytes S3 has confirmed, over all of the recording's objects. */
  bytesSent: z.number().int().nonnegative(),
  /** Bytes to send so far (grows while recording). */
  bytesTotal: z.number().int().nonnegative(),
  bytesPerSecond: z.number().nonnegative().nullable(),
  etaSeconds: z.number().nonnegative().nullable(),
  bucket: z.string().optional(),
  /** The recording's main object, once known. */
  key: z.string().optional(),
  /** Size of that object, once known. */
  keySize: z.number().int().nonnegative().optional(),
  /** When the last of the recording's objects was verified in the bucket, once all are. */
  verifiedAt: z.string().optional(),
  message: z.string().optional(),
});
export type UploadProgress = z.infer<typeof uploadProgressSchema>;

export const uploadJobSummarySchema = z.object({
  id: z.string(),
  recordingId: z.string().nullable(),
  kind: z.enum(['stream', 'final', 'manifest', 'file']),
  sourcePath: z.string(),
  bucket: z.string(),
  key: z.string(),
  state: z.enum(['queued', 'uploading', 'done', 'failed', 'cancelled']),
  bytesSent: z.number().int().nonnegative(),
  size: z.number().int().nonnegative().nullable(),
  partsConfirmed: z.number().int().nonnegative(),
  partsPlanned: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type UploadJobSummary = z.infer<typeof uploadJobSummarySchema>;
