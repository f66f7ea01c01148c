import { z } from 'zod';
import { newNoteSchema, noteEditSchema, noteSchema, scorecardInputSchema, scorecardSchema } from '../../domain/notes';

const interviewRequest = z.strictObject({ interviewId: z.string().min(1).max(200) });

/** The interviewer's notes (stamped with both recording clocks by the core) and the interview's scorecard. */
export const notesChannels = {
  addNote: { request: newNoteSchema, response: noteSchema },
  /** Changes a note's text or the question it is marked for; its clocks stay. */
  editNote: { request: noteEditSchema, response: noteSchema },
  deleteNote: { request: z.strictObject({ noteId: z.string().min(1).max(200) }), response: z.null() },
  listNotes: { request: interviewRequest, response: z.array(noteSchema) },
  /** The scorecard; an empty one (`updatedAt` null) until it is first saved. */
  getScorecard: { request: interviewRequest, response: scorecardSchema },
  /** Replaces the whole scorecard (ratings 1–5, each subject once, recommendation from the closed set). */
  saveScorecard: { request: scorecardInputSchema, response: scorecardSchema },
} as const;
