import { z } from 'zod';

/** What became of a link that opens an interview, as the renderer is told (event and `openInterviewLink`). */
export const interviewLinkSchema = z.discriminatedUnion('state', [
  /** Kept until the candidate is not in an interview (a recording is never interrupted by a link). */
  z.object({ state: z.literal('waiting'), host: z.string().nullable() }),
  z.object({
    state: z.literal('opened'),
    host: z.string(),
    scriptId: z.string(),
    title: z.string(),
    /** An interviewer's link (`role=interviewer`): the interviewer's desk opens, with the link's display name if any. */
    interviewer: z.object({ name: z.string().optional() }).optional(),
  }),
  /** Refused: the link, the fetch or the script was not acceptable; the interview shown before stays. */
  z.object({ state: z.literal('failed'), host: z.string().nullable(), error: z.string() }),
]);

export type InterviewLinkOutcome = z.infer<typeof interviewLinkSchema>;
