import type { Database } from 'better-sqlite3';
import type { RecordingState, RecordingSummary } from '../../../../shared/domain/recording';

export interface NewRecording {
  id: string;
  interviewId: string;
  state: RecordingState;
  mimeType?: string | null;
  startedAt: string;
}

export function insertRecording(db: Database, recording: NewRecording): void {
  db.prepare(
    `INSERT INTO recordings (id, interview_id, state, mime_type, started_at)
     VALUES (@id, @interviewId, @state, @mimeType, @startedAt)`,
  ).run({ mimeType: null, ...recording });
}

export function finishRecording(
  db: Database,
  id: string,
  result: { state: RecordingState; endedAt: string; durationMs?: number; error?: string },
): void {
  db.prepare('UPDATE recordings SET state = @state, ended_at = @endedAt, duration_ms = @durationMs, error = @error WHERE id = @id').run({
    id,
    state: result.state,
    endedAt: result.endedAt,
    durationMs: result.durationMs ?? null,
    error: result.error ?? null,
  });
}

/**
 * Newest first, with the interview's title and the bytes and chunks recorded so far. The page is chosen first
 * and only its rows are summed (through the chunks primary key), so a page costs the same however large the
 * catalog grows.
 */
export function listRecordings(db: Database, page: { limit: number; offset: number }): RecordingSummary[] {
  return db
    .prepare(
      `WITH page AS MATERIALIZED (
         SELECT r.id, r.interview_id AS interviewId, i.title AS interviewTitle, i.candidate_name AS candidateName,
                r.state, r.started_at AS startedAt, r.ended_at AS endedAt, r.duration_ms AS durationMs
           FROM recordings r
           JOIN interviews i ON i.id = r.interview_id
          ORDER BY r.started_at DESC, r.id
          LIMIT @limit OFFSET @offset
       )
       SELECT page.*,
              (SELECT COALESCE(SUM(size), 0) FROM chunks c WHERE c.recording_id = page.id) AS sizeBytes,
              (SELECT COUNT(*) FROM chunks c WHERE c.recording_id = page.id) AS chunkCount
         FROM page
        ORDER BY startedAt DESC, id`,
    )
    .all(page) as RecordingSummary[];
}
