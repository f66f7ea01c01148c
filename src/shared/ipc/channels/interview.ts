import { z } from 'zod';
import { interviewScriptSchema } from '../../interview/script';
import { bytesSchema as bytes } from '../bytes';
import { interviewLinkSchema } from '../../domain/interview-link';
import { MAX_LINK_LENGTH, SCHEDULE_ID } from '../../interview/interview-link';

/** The active interview script, consent, and each question's audio. */
export const interviewChannels = {
  getInterviewScript: {
    request: z.undefined(),
    response: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        source: z.enum(['demo', 'file', 'link']),
        script: interviewScriptSchema,
        consentStatement: z.string(),
        maxSeconds: z.number(),
        fullscreen: z.boolean(),
        videoBitsPerSecond: z.number().int(),
        audioBitsPerSecond: z.number().int(),
      }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
  },
  /** The candidate agreed: creates the interview and stores the statement shown, with the time. */
  giveConsent: {
    request: z.strictObject({ scriptId: z.string().min(1), agreed: z.literal(true) }),
    response: z.object({ interviewId: z.string(), consentedAt: z.string() }),
  },
  /** The interview interrupted most recently and still paused, with where it can go on; null when there is none. */
  getResumableInterview: {
    request: z.undefined(),
    response: z
      .object({
        interviewId: z.string(),
        recordingId: z.string(),
        scriptId: z.string(),
        title: z.string(),
        startedAt: z.string(),
        pausedAt: z.string().nullable(),
        recordedMs: z.number().min(0),
        /** The question that was being asked or answered (0-based): the interview continues there. */
        questionIndex: z.number().int().min(0),
        questionCount: z.number().int().min(1),
        /** False when it can only be submitted: the loaded script is another one, or every question was answered. */
        canContinue: z.boolean(),
        reason: z.enum(['script-changed', 'all-answered']).nullable(),
      })
      .nullable(),
  },
  /**
   * Opens the interview of the link the OS (or the browser host's launch link) handed to the app, if one waits; the
   * renderer asks when the candidate is not in an interview. The link itself never comes from the renderer.
   */
  openInterviewLink: {
    request: z.undefined(),
    response: interviewLinkSchema.or(z.object({ state: z.literal('none') })),
  },
  /**
   * Opens a link the user pasted (the interviewer's join form): the only link that comes from the renderer, parsed
   * and fetched by the core under the same rules as one from the OS.
   */
  openPastedInterviewLink: {
    request: z.union([
      z.strictObject({ link: z.string().min(1).max(MAX_LINK_LENGTH) }),
      /** A schedule id: the invite of that id on the first of `interview.inviteHosts`, as an interviewer's link. */
      z.strictObject({ scheduleId: z.string().regex(SCHEDULE_ID) }),
    ]),
    response: interviewLinkSchema,
  },
  getQuestionAudio: {
    request: z.strictObject({ questionIndex: z.number().int().min(0).max(49) }),
    response: z.discriminatedUnion('source', [
      z.object({ source: z.enum(['file', 'url', 'speech']), audio: bytes, detail: z.string() }),
      z.object({ source: z.literal('none'), reason: z.string() }),
    ]),
  },
} as const;
