import { z } from 'zod';

/**
 * The Media Recording API's wire format (media-recording-api.md). The document shows init and finalize replies;
 * the chunk, chunk-status, finalize-async and video replies are our reading of it, written down in tools/dev-backend/README.md.
 */

export const initReplySchema = z.object({
  success: z.literal(true),
  sessionId: z.string().min(1),
  status: z.string(),
  message: z.string().optional(),
  session: z.object({ sessionId: z.string(), status: z.string(), createdAt: z.string().optional() }).loose().optional(),
  endpoints: z.record(z.string(), z.string()).optional(),
});

export const chunkReplySchema = z.object({
  success: z.literal(true),
  sessionId: z.string().optional(),
  chunkIndex: z.number().int().nonnegative(),
  size: z.number().int().nonnegative().optional(),
  duplicate: z.boolean().optional(),
  totalReceived: z.number().int().nonnegative().optional(),
});

export const chunkStatusSchema = z.object({
  success: z.literal(true),
  sessionId: z.string(),
  status: z.string(),
  receivedChunks: z.array(z.number().int().nonnegative()),
  totalReceived: z.number().int().nonnegative().optional(),
  totalSize: z.number().int().nonnegative().optional(),
  expectedChunks: z.number().int().nonnegative().nullable().optional(),
  missingChunks: z.array(z.number().int().nonnegative()).optional(),
});
export type MediaChunkStatus = z.output<typeof chunkStatusSchema>;

export const videoSchema = z.object({
  filename: z.string().optional(),
  sizeMB: z.number().optional(),
  expectedDuration: z.number().nullable().optional(),
  actualDuration: z.number().nullable().optional(),
  durationAccuracy: z.string().optional(),
  chunksProcessed: z.number().int().optional(),
  s3Url: z.string().optional(),
  uploaded: z.boolean().optional(),
});
export type MediaVideo = z.output<typeof videoSchema>;

export const finalizeReplySchema = z.object({
  success: z.literal(true),
  sessionId: z.string(),
  message: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  video: videoSchema,
  storage: z.object({ id: z.string().nullable().optional(), updated: z.boolean().optional() }).optional(),
});
export type MediaFinalized = z.output<typeof finalizeReplySchema>;

export const finalizeAsyncReplySchema = z.object({
  success: z.literal(true),
  sessionId: z.string(),
  status: z.string(),
  message: z.string().optional(),
  statusUrl: z.string().optional(),
});

const storageStateSchema = z.object({
  id: z.string().nullable().optional(),
  transcode: z.object({ media_recording: z.string() }).optional(),
});

export const videoReplySchema = z.object({
  success: z.boolean(),
  sessionId: z.string().optional(),
  status: z.string(),
  video: videoSchema.optional(),
  storage: storageStateSchema.optional(),
  error: z.string().optional(),
});
export type MediaVideoReply = z.output<typeof videoReplySchema>;

export const errorReplySchema = z.object({
  success: z.literal(false).optional(),
  error: z.string(),
  missingChunks: z.array(z.number().int()).optional(),
});

/** `storage.transcode.media_recording` values that are failures, in words. */
export const TRANSCODE_FAILURES: Readonly<Record<string, string>> = {
  upload_error: 'the backend could not store the video in its S3 space',
  merge_error: 'the backend could not merge the chunks',
  job_error: 'the backend job failed',
};
