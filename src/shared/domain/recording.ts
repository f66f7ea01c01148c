import { z } from 'zod';

export const recordingStates = ['recording', 'stopped', 'finalizing', 'finalized', 'failed', 'uploaded'] as const;
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
});
export type RecordingSummary = z.infer<typeof recordingSummarySchema>;
