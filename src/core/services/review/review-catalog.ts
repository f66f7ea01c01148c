import type { Database } from 'better-sqlite3';
import type { MarkerEvent } from '../finalize/chapters';

/** The interview's recordings that have (or will have) files to play: stopped or later, oldest first. */
export function reviewableRecordings(db: Database, interviewId: string): Array<{ id: string; state: string; startedAt: string }> {
  return db
    .prepare(
      `SELECT id, state, started_at AS startedAt FROM recordings
        WHERE interview_id = ? AND state IN ('stopped', 'finalizing', 'finalized', 'uploaded', 'failed')
        ORDER BY started_at, id`,
    )
    .all(interviewId) as Array<{ id: string; state: string; startedAt: string }>;
}

/** Question markers of the whole interview with the wall-clock moment each was written (for a cloud recording's clock). */
export function interviewQuestionMarkers(db: Database, interviewId: string): Array<MarkerEvent & { at: string }> {
  const rows = db
    .prepare(`SELECT at, kind, data FROM events WHERE interview_id = ? AND kind IN ('question.start', 'question.end') ORDER BY at, id`)
    .all(interviewId) as Array<{ at: string; kind: string; data: string | null }>;
  return rows.map((row) => ({ at: row.at, kind: row.kind, data: row.data === null ? null : (JSON.parse(row.data) as unknown) }));
}
