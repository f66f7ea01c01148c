import { z } from 'zod';
import { cloudRecordingHealthSchema } from '../../domain/cloud-health';
import { cloudSessionSchema } from '../../domain/cloud';
import {
  idSchema,
  interviewConsentSchema,
  interviewerInterviewRequestSchema,
  startCloudRecordingRequestSchema,
} from '../../domain/interviewer-cloud';

export type { InterviewConsent, InterviewerInterviewRequest, StartCloudRecordingRequest } from '../../domain/interviewer-cloud';

const sessionRequest = z.strictObject({ sessionId: idSchema });

/**
 * The interviewer's control of the call's cloud recording (Agora or LiveKit), beside the candidate's automatic one.
 * Session changes also arrive as `cloudSessionChanged`; the health words are in `shared/domain/cloud-health.ts`.
 */
export const interviewerCloudChannels = {
  /** The interviewer's interview row, found or made (idempotent): the id notes, recordings and the cloud use. */
  openInterviewerInterview: {
    request: interviewerInterviewRequestSchema,
    response: z.object({ interviewId: z.string(), created: z.boolean() }),
  },
  /** The consent the candidate gave, as recorded in this catalog, for the confirmation before recording; or null. */
  getInterviewConsent: { request: z.strictObject({ interviewId: idSchema }), response: interviewConsentSchema },
  /** Starts (or, when one already runs in that channel, returns) the cloud recording, once the backend answered. */
  startCloudRecording: { request: startCloudRecordingRequestSchema, response: cloudSessionSchema },
  /** Stops it through the outbox: a backend that is down gets the stop later; the session says so ("stop pending"). */
  stopCloudRecording: { request: sessionRequest, response: cloudSessionSchema },
  /** The health now: the backend is asked at most every few seconds (its rate limits); between, the last answer. */
  cloudRecordingHealth: { request: sessionRequest, response: cloudRecordingHealthSchema },
} as const;
