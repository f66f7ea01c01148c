import { z } from 'zod';
import { finalizeProgressSchema, recordingDetailSchema } from '../../domain/recording';

const recordingRef = z.strictObject({ recordingId: z.string().min(1).max(200) });

export const recoveryNoticeSchema = z.object({
  recordingId: z.string(),
  interviewTitle: z.string(),
  startedAt: z.string(),
  crashed: z.boolean(),
  outcome: z.enum(['finalized', 'failed']),
  message: z.string(),
});
export type RecoveryNotice = z.infer<typeof recoveryNoticeSchema>;

/** Finalize (stream-copy into the final file, verify) with progress, cancel and retry; crash recovery notices. */
export const finalizeChannels = {
  getRecording: { request: recordingRef, response: recordingDetailSchema },
  /** Queues a finalize (or a retry); progress arrives as `finalizeProgress` events. */
  finalizeRecording: { request: recordingRef, response: finalizeProgressSchema },
  cancelFinalize: { request: recordingRef, response: z.object({ cancelled: z.boolean() }) },
  getFinalizeProgress: { request: recordingRef, response: finalizeProgressSchema.nullable() },
  /** Recordings interrupted by a crash or quit that start-up recovered (or could not). */
  getRecoveryNotices: { request: z.undefined(), response: z.array(recoveryNoticeSchema) },
} as const;
