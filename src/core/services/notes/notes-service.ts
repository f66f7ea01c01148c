import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  newNoteSchema,
  noteEditSchema,
  scorecardInputSchema,
  type NewNote,
  type Note,
  type NoteEdit,
  type Scorecard,
  type ScorecardInput,
} from '../../../shared/domain/notes';
import { AppError } from '../../errors/app-error';
import type { InterviewHeading } from '../catalog/queries/interviews';
import * as noteRows from '../catalog/queries/notes';
import * as scorecardRows from '../catalog/queries/scorecards';
import type { ActiveScript } from '../interview/load-script';
import { interviewQuestions } from './interview-questions';
import { checkLocalRecording, checkQuestion, requireInterview, requireNote } from './notes-lookups';
import { cloudClockMs } from './note-clocks';
import { buildNotesExport, type NotesExport } from './notes-export';
import { parseInput } from './parse-input';

export interface NotesServiceDeps {
  db: Database;
  /** The active script, read at each call: it names the questions of the interview it belongs to. */
  script: () => ActiveScript;
  now?: () => Date;
  newId?: () => string;
}

/** The interviewer's notes and scorecard of an interview, stamped with the recording clocks. */
/** A note's `typedAt` older than this is not believed (a wrong clock, a replayed request): it is stamped now. */
const TYPED_AT_MAX_AGE_MS = 60_000;

/** When the note was typed: the desk's moment of Enter, unless it lies in the future or too far back; else now. */
export function typedMoment(typedAt: string | undefined, now: Date): Date {
  const typed = typedAt === undefined ? Number.NaN : Date.parse(typedAt);
  const age = now.getTime() - typed;
  return age >= 0 && age <= TYPED_AT_MAX_AGE_MS ? new Date(typed) : now;
}

export function createNotesService(deps: NotesServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => `note-${randomUUID()}`);

  const interviewOf = (interviewId: string) => requireInterview(db, interviewId);
  const questionsOf = (interview: InterviewHeading) => interviewQuestions(db, interview.id, interview.scriptId, deps.script());

  const scorecardOf = (interviewId: string): Scorecard =>
    scorecardRows.getScorecard(db, interviewId) ?? { interviewId, recommendation: null, summary: '', ratings: [], updatedAt: null };

  return {
    /**
     * Stores a note typed just now (at `typedAt`, when given and sensible): `localMs` is the media time the desk read
     * from its own recorder; `cloudMs` is that moment less the start of the call's cloud recording running now (null
     * when none runs).
     */
    addNote(input: NewNote): Note {
      const request = parseInput(newNoteSchema, input, 'The note');
      const interview = interviewOf(request.interviewId);
      checkQuestion(questionsOf(interview), request.questionIndex);
      if (request.local) checkLocalRecording(db, interview.id, request.local.recordingId);
      const at = typedMoment(request.typedAt, now());
      const cloud = noteRows.runningCallRecording(db, interview.id);
      const note: Note = {
        id: newId(),
        interviewId: interview.id,
        text: request.text,
        questionIndex: request.questionIndex ?? null,
        author: request.author ?? null,
        createdAt: at.toISOString(),
        editedAt: null,
        localRecordingId: request.local?.recordingId ?? null,
        localMs: request.local?.mediaMs ?? null,
        cloudSessionId: cloud?.id ?? null,
        cloudMs: cloud ? cloudClockMs(at, cloud.startedAt) : null,
      };
      noteRows.insertNote(db, note);
      return note;
    },

    /** Changes a note's words or its question; the moment it was typed (its clocks) stays. */
    editNote(edit: NoteEdit): Note {
      const request = parseInput(noteEditSchema, edit, 'The edit');
      const note = requireNote(db, request.noteId);
      if (request.questionIndex !== undefined) checkQuestion(questionsOf(interviewOf(note.interviewId)), request.questionIndex);
      noteRows.updateNote(db, note.id, { text: request.text, questionIndex: request.questionIndex }, now().toISOString());
      return requireNote(db, note.id);
    },

    deleteNote(noteId: string): void {
      if (!noteRows.deleteNote(db, noteId)) throw new AppError('NOT_FOUND', `There is no note ${noteId}.`, { details: { noteId } });
    },

    listNotes(interviewId: string): Note[] {
      return noteRows.listNotes(db, interviewOf(interviewId).id);
    },

    /** The interview's scorecard; an empty one (`updatedAt` null) until one is saved. */
    getScorecard(interviewId: string): Scorecard {
      return scorecardOf(interviewOf(interviewId).id);
    },

    /** Replaces the whole scorecard: ratings 1–5, each subject once, questions the script has. */
    saveScorecard(input: ScorecardInput): Scorecard {
      const card = parseInput(scorecardInputSchema, input, 'The scorecard');
      const questions = questionsOf(interviewOf(card.interviewId));
      for (const rating of card.ratings) if (rating.subject === 'question') checkQuestion(questions, rating.questionIndex);
      scorecardRows.saveScorecard(db, { ...card, updatedAt: now().toISOString() });
      return scorecardOf(card.interviewId);
    },

    /** Everything the interviewer wrote about the interview, as the documented export (`interview-recorder/notes@1`). */
    exportNotes(interviewId: string): NotesExport {
      const interview = interviewOf(interviewId);
      const scorecard = scorecardRows.getScorecard(db, interview.id) ?? null;
      return buildNotesExport({
        interview,
        notes: noteRows.listNotes(db, interview.id),
        scorecard,
        questions: questionsOf(interview).texts,
        exportedAt: now().toISOString(),
      });
    },
  };
}

export type NotesService = ReturnType<typeof createNotesService>;
