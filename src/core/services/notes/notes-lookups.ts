import type { Database } from 'better-sqlite3';
import type { Note } from '../../../shared/domain/notes';
import { AppError } from '../../errors/app-error';
import { getInterviewHeading, type InterviewHeading } from '../catalog/queries/interviews';
import { getNote } from '../catalog/queries/notes';
import type { InterviewQuestions } from './interview-questions';

/** The interview, or NOT_FOUND in words (the CLI exits 3). */
export function requireInterview(db: Database, interviewId: string): InterviewHeading {
  const interview = getInterviewHeading(db, interviewId);
  if (!interview) throw new AppError('NOT_FOUND', `There is no interview ${interviewId} in the catalog.`, { details: { interviewId } });
  return interview;
}

export function requireNote(db: Database, noteId: string): Note {
  const note = getNote(db, noteId);
  if (!note) throw new AppError('NOT_FOUND', `There is no note ${noteId}.`, { details: { noteId } });
  return note;
}

/** The local recording a note points into must be one of the interview's own. */
export function checkLocalRecording(db: Database, interviewId: string, recordingId: string): void {
  const row = db.prepare('SELECT interview_id AS interviewId FROM recordings WHERE id = ?').get(recordingId) as
    { interviewId: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no recording ${recordingId}.`, { details: { recordingId } });
  if (row.interviewId !== interviewId) {
    throw new AppError('CONFLICT', `Recording ${recordingId} belongs to another interview than ${interviewId}.`, {
      details: { recordingId, interviewId },
    });
  }
}

/** A question index past the end of the interview's script (when the script is known) is refused with words. */
export function checkQuestion(questions: InterviewQuestions, index: number | null | undefined): void {
  if (index === null || index === undefined || questions.count === null || index < questions.count) return;
  throw new AppError('INVALID_PAYLOAD', `The interview has ${questions.count} questions; there is no question ${index + 1}.`, {
    details: { questionIndex: index },
  });
}
