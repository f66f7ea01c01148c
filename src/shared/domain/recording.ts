import { z } from 'zod';

/** The container a recorder's MIME type writes: a segment file's extension, the Media API's format. */
export const recordedContainer = (mimeType: string): 'mp4' | 'webm' => (mimeType.startsWith('video/mp4') ? 'mp4' : 'webm');

/**
 * `paused`: the interview was interrupted (the page reloaded or closed, the app crashed, the power went) and waits
 * for the candidate to continue it at the question they were on, or to submit what was recorded. Never sent on its own.
 */
/**
 * Whose recording: `interview` is the candidate's (the default); `backup` is the interviewer's local backup of the
 * call (docs/interviewer.md): it registers no cloud recording of its own and is never paused for anyone to continue.
 */
export const recordingKinds = ['interview', 'backup'] as const;
export type RecordingKind = (typeof recordingKinds)[number];

export const recordingStates = ['recording', 'paused', 'stopped', 'finalizing', 'finalized', 'failed', 'uploaded'] as const;
export type RecordingState = (typeof recordingStates)[number];

export const recordingSummarySchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  interviewTitle: z.string(),
  candidateName: z.string().nullable(),
  state: z.enum(recordingStates),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  /** Why the last finalize failed; for a finalized recording, a note on how it was delivered. */
  error: z.string().nullable(),
});
export type RecordingSummary = z.infer<typeof recordingSummarySchema>;

export const recordingOutputSchema = z.object({
  seq: z.number().int().nonnegative(),
  filePath: z.string(),
  container: z.string(),
  durationMs: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type RecordingOutput = z.infer<typeof recordingOutputSchema>;

export const segmentSummarySchema = z.object({
  seq: z.number().int().nonnegative(),
  filePath: z.string(),
  mimeType: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  chunkCount: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type SegmentSummary = z.infer<typeof segmentSummarySchema>;

/** One recording with its files: what `irec recordings show` and the finish screen display. */
export const recordingDetailSchema = recordingSummarySchema.extend({
  mimeType: z.string().nullable(),
  filePath: z.string().nullable(),
  sha256: z.string().nullable(),
  mediaDurationMs: z.number().int().nonnegative().nullable(),
  finalizedAt: z.string().nullable(),
  recoveredAt: z.string().nullable(),
  /** Why recording ended early (disk-low, device-lost, recovered after a crash …); null when it simply finished. */
  stopReason: z.string().nullable(),
  segments: z.array(segmentSummarySchema),
  outputs: z.array(recordingOutputSchema),
});
export type RecordingDetail = z.infer<typeof recordingDetailSchema>;

/** Finalize progress for the progress bar; `fraction` is 0…1 of the media written. */
export const finalizeProgressSchema = z.object({
  recordingId: z.string(),
  stage: z.enum(['queued', 'remuxing', 'verifying', 'finalized', 'failed', 'cancelled']),
  fraction: z.number().min(0).max(1),
  message: z.string().optional(),
});
export type FinalizeProgress = z.infer<typeof finalizeProgressSchema>;

/**
 * Finalized without a file of its own: no single verified file could be made, so the segment files as recorded
 * (each verified to decode to its end) are what is delivered.
 */
export const deliveredAsRecorded = (recording: Pick<RecordingDetail, 'outputs' | 'segments'>): boolean =>
  recording.outputs.length > 0 && recording.outputs.every((output) => recording.segments.some((s) => s.filePath === output.filePath));
