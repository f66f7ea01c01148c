import type { Database } from 'better-sqlite3';
import { pausedRecordings, questionMarks, recordedMsOf } from '../catalog/queries/paused-recordings';
import type { ActiveScript } from './load-script';

/** A paused interview and where it continues (the `getResumableInterview` answer). */
export interface ResumableInterview {
  interviewId: string;
  recordingId: string;
  scriptId: string;
  title: string;
  startedAt: string;
  pausedAt: string | null;
  recordedMs: number;
  /** The question being asked or answered when it stopped (0-based). */
  questionIndex: number;
  questionCount: number;
  /** False when it can only be submitted: the loaded script is another one, or every question was answered. */
  canContinue: boolean;
  reason: 'script-changed' | 'all-answered' | null;
}

/**
 * Where the interview goes on: the question last started, or the next one when that question's answer had ended
 * (and was not to be retaken) before the interruption.
 */
export function continueAt(marks: ReadonlyArray<{ kind: string; index: number; ended: string | null }>): number {
  const last = marks.at(-1);
  if (!last) return 0;
  return last.kind === 'question.end' && last.ended !== 'retake' ? last.index + 1 : last.index;
}

/** The interview paused most recently, with where it can continue under the loaded script; null when none waits. */
export function findResumableInterview(db: Database, script: ActiveScript): ResumableInterview | null {
  const paused = pausedRecordings(db)[0];
  if (!paused) return null;
  const next = continueAt(questionMarks(db, paused.interviewId));
  const questionCount = script.ok ? script.script.questions.length : Math.max(1, next + 1);
  const sameScript = script.ok && script.script.id === paused.scriptId;
  const reason = !sameScript ? 'script-changed' : next >= questionCount ? 'all-answered' : null;
  return {
    interviewId: paused.interviewId,
    recordingId: paused.recordingId,
    scriptId: paused.scriptId ?? '',
    title: paused.title,
    startedAt: paused.startedAt,
    pausedAt: paused.pausedAt,
    recordedMs: Math.max(recordedMsOf(db, paused.recordingId), paused.durationMs ?? 0),
    questionIndex: Math.min(next, questionCount - 1),
    questionCount,
    canContinue: reason === null,
    reason,
  };
}
