import type { Database } from 'better-sqlite3';
import { listSegments } from './chunks';

/** Interrupted: its files are closed at the last whole chunk; it waits for the candidate. */
export function markPaused(db: Database, id: string, paused: { pausedAt: string; durationMs: number; recoveredAt?: string }): boolean {
  return (
    db
      .prepare(
        `UPDATE recordings SET state = 'paused', paused_at = @pausedAt, duration_ms = @durationMs,
                recovered_at = COALESCE(@recoveredAt, recovered_at)
          WHERE id = @id AND state = 'recording'`,
      )
      .run({ id, pausedAt: paused.pausedAt, durationMs: Math.round(paused.durationMs), recoveredAt: paused.recoveredAt ?? null })
      .changes === 1
  );
}

/** Takes a paused recording back to recording for this run, atomically: two windows cannot both continue it. */
export function claimPaused(db: Database, id: string, runId: string): boolean {
  return (
    db.prepare(`UPDATE recordings SET state = 'recording', run_id = ?, paused_at = NULL WHERE id = ? AND state = 'paused'`).run(runId, id)
      .changes === 1
  );
}

/** The candidate submits what was recorded: stopped, so it is finalized and sent as any stopped recording. */
export function stopPaused(db: Database, id: string, stopped: { endedAt: string; stopReason: string }): boolean {
  return (
    db
      .prepare(
        `UPDATE recordings SET state = 'stopped', ended_at = COALESCE(paused_at, @endedAt), stop_reason = COALESCE(stop_reason, @stopReason)
          WHERE id = @id AND state = 'paused'`,
      )
      .run({ id, ...stopped }).changes === 1
  );
}

/** The recorder's time at the end of each segment's last chunk, summed: what the earlier parts hold. */
export function recordedMsOf(db: Database, id: string): number {
  return listSegments(db, id).reduce((sum, segment) => sum + (segment.lastChunk?.mediaEndMs ?? 0), 0);
}

/** The id of the script the recording's interview was taken with (null for interviews from before scripts had one). */
export function scriptIdOf(db: Database, recordingId: string): string | null {
  const row = db
    .prepare('SELECT i.script_id AS scriptId FROM recordings r JOIN interviews i ON i.id = r.interview_id WHERE r.id = ?')
    .get(recordingId) as { scriptId: string | null } | undefined;
  return row?.scriptId ?? null;
}

export interface PausedRecording {
  recordingId: string;
  interviewId: string;
  scriptId: string | null;
  title: string;
  startedAt: string;
  pausedAt: string | null;
  durationMs: number | null;
}

const PAUSED_COLUMNS = `r.id AS recordingId, r.interview_id AS interviewId, i.script_id AS scriptId, i.title, r.started_at AS startedAt,
       r.paused_at AS pausedAt, r.duration_ms AS durationMs`;

/** Every paused recording, most recently paused first. */
export function pausedRecordings(db: Database): PausedRecording[] {
  return db
    .prepare(
      `SELECT ${PAUSED_COLUMNS} FROM recordings r JOIN interviews i ON i.id = r.interview_id
        WHERE r.state = 'paused' ORDER BY COALESCE(r.paused_at, r.started_at) DESC, r.id`,
    )
    .all() as PausedRecording[];
}

export interface QuestionMark {
  kind: 'question.start' | 'question.end';
  index: number;
  /** How a question's answer ended (`retake` asks it again); null for a start. */
  ended: string | null;
}

/** The questions the interview reached: each `question.start` and `question.end` with its question's index, in order. */
export function questionMarks(db: Database, interviewId: string): QuestionMark[] {
  return db
    .prepare(
      `SELECT kind, json_extract(data, '$.index') AS "index", json_extract(data, '$.ended') AS ended FROM events
        WHERE interview_id = ? AND kind IN ('question.start', 'question.end') AND json_extract(data, '$.index') IS NOT NULL
        ORDER BY at, id`,
    )
    .all(interviewId) as QuestionMark[];
}
