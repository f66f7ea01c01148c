import { z } from 'zod';

// What the interviewer's desk asks of the core about its interview and the call's cloud recording (docs/backends.md).

/** A catalog id: an interview's or a cloud session's. */
export const idSchema = z.string().min(1).max(200);
/** An Agora channel (the Agora client checks its 64-character alphabet) or a LiveKit room. */
const channel = z.string().min(1).max(128);
const scheduleId = z.string().min(1).max(128);

/**
 * The interviewer's interview: one catalog row per schedule when there is one, else per call (provider and
 * channel), so that opening the same interview again finds its notes and recordings (docs/backends.md).
 */
export const interviewerInterviewRequestSchema = z
  .strictObject({
    scheduleId: scheduleId.optional(),
    provider: z.enum(['agora', 'livekit', 'dev']).optional(),
    channel: channel.optional(),
    scriptId: idSchema.optional(),
    title: z.string().min(1).max(200).optional(),
    candidateName: z.string().min(1).max(200).optional(),
  })
  .refine((input) => input.scheduleId !== undefined || (input.provider !== undefined && input.channel !== undefined), {
    message: 'Name the interview by its schedule id, or by its call: provider and channel',
  });
export type InterviewerInterviewRequest = z.infer<typeof interviewerInterviewRequestSchema>;

/** Starts the call's cloud recording; what it records defaults to the interview's own links. */
export const startCloudRecordingRequestSchema = z.strictObject({
  interviewId: idSchema,
  backend: z.enum(['agora', 'livekit']).optional(),
  /** The Agora channel or LiveKit room; the interview's own when absent. */
  channel: channel.optional(),
  scheduleId: scheduleId.optional(),
});
export type StartCloudRecordingRequest = z.infer<typeof startCloudRecordingRequestSchema>;

export const interviewConsentSchema = z
  .object({
    /** The interview the consent was recorded for (the candidate's row when it is not this one). */
    interviewId: z.string(),
    /** The statement the candidate agreed to, verbatim. */
    statement: z.string(),
    consentedAt: z.string(),
  })
  .nullable();
export type InterviewConsent = z.infer<typeof interviewConsentSchema>;
