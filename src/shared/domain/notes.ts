import { z } from 'zod';

/** Limits shared by the schemas, the catalog's CHECKs and the export. */
export const NOTE_MAX_CHARS = 4000;
export const SUMMARY_MAX_CHARS = 4000;
export const REASON_MAX_CHARS = 2000;
export const COMPETENCY_MAX_CHARS = 100;
/** An interview script has at most 50 questions (src/shared/interview/script.ts). */
const questionIndex = z.number().int().min(0).max(49);

export const recommendations = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof recommendations)[number];

const id = z.string().min(1).max(200);
const noteText = z.string().trim().min(1, 'a note needs some text').max(NOTE_MAX_CHARS);
const author = z.string().trim().min(1).max(200);

/**
 * A note as stored: when it was typed (`createdAt`, wall clock) and where that moment is in each recording —
 * `localMs` in the interviewer's local recording (its media time), `cloudMs` in the call's cloud recording (time
 * since the backend acknowledged its start). A clock is null when that recording was not running.
 */
export const noteSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  text: z.string(),
  questionIndex: z.number().int().nullable(),
  author: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  localRecordingId: z.string().nullable(),
  localMs: z.number().int().nullable(),
  cloudSessionId: z.string().nullable(),
  cloudMs: z.number().int().nullable(),
});
export type Note = z.infer<typeof noteSchema>;

/** What the interviewer's desk sends for a new note; the clocks are stamped by the core. */
export const newNoteSchema = z.strictObject({
  interviewId: id,
  text: noteText,
  questionIndex: questionIndex.optional(),
  author: author.optional(),
  /** The interviewer's local recording and its media time when the note was typed (the renderer knows it exactly). */
  local: z.strictObject({ recordingId: id, mediaMs: z.number().int().min(0) }).optional(),
  /** When Enter was pressed, by the desk's clock (this computer's): a busy machine may take a moment to store it. */
  typedAt: z.string().datetime().optional(),
});
export type NewNote = z.input<typeof newNoteSchema>;

/** An edit changes the words or the question a note is marked for (null unmarks it); never its clocks. */
export const noteEditSchema = z
  .strictObject({ noteId: id, text: noteText.optional(), questionIndex: questionIndex.nullable().optional() })
  .refine((edit) => edit.text !== undefined || edit.questionIndex !== undefined, 'an edit changes the text or the question');
export type NoteEdit = z.input<typeof noteEditSchema>;

/** One rating, 1 (poor) to 5 (excellent), of a question (by its index in the script) or of a named competency. */
export const ratingSchema = z.discriminatedUnion('subject', [
  z.strictObject({
    subject: z.literal('question'),
    questionIndex,
    rating: z.number().int().min(1).max(5),
    reason: z.string().trim().max(REASON_MAX_CHARS).default(''),
  }),
  z.strictObject({
    subject: z.literal('competency'),
    competency: z.string().trim().min(1, 'a competency needs a name').max(COMPETENCY_MAX_CHARS),
    rating: z.number().int().min(1).max(5),
    reason: z.string().trim().max(REASON_MAX_CHARS).default(''),
  }),
]);
export type Rating = z.output<typeof ratingSchema>;

/** The subject a rating is about, as one string: "question 3" or "competency Communication". */
export const subjectKey = (rating: z.input<typeof ratingSchema>): string =>
  rating.subject === 'question' ? `question ${rating.questionIndex + 1}` : `competency ${rating.competency.trim().toLowerCase()}`;

/** The scorecard as saved: every rating replaces the previous set, so the desk sends the whole card each time. */
export const scorecardInputSchema = z
  .strictObject({
    interviewId: id,
    recommendation: z.enum(recommendations).nullable(),
    summary: z.string().trim().max(SUMMARY_MAX_CHARS).default(''),
    ratings: z.array(ratingSchema).max(200).default([]),
  })
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.ratings.forEach((rating, index) => {
      const key = subjectKey(rating);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['ratings', index], message: `${key} is rated twice` });
      seen.add(key);
    });
  });
export type ScorecardInput = z.input<typeof scorecardInputSchema>;

export const scorecardSchema = z.object({
  interviewId: z.string(),
  recommendation: z.enum(recommendations).nullable(),
  summary: z.string(),
  ratings: z.array(ratingSchema),
  /** Null when nothing was saved yet: the empty card. */
  updatedAt: z.string().nullable(),
});
export type Scorecard = z.output<typeof scorecardSchema>;
