import type { Database } from 'better-sqlite3';
import type {
  RecordingDetail,
  RecordingKind,
  RecordingOutput,
  RecordingState,
  RecordingSummary,
} from '../../../../shared/domain/recording';
import { listSegments } from './chunks';

export interface NewRecording {
  id: string;
  interviewId: string;
  state: RecordingState;
  mimeType?: string | null;
  startedAt: string;
  /** The app run that records it; recovery leaves recordings of live runs alone. */
  runId?: string | null;
  kind?: RecordingKind;
}

export function insertRecording(db: Database, recording: NewRecording): void {
  db.prepare(
    `INSERT INTO recordings (id, interview_id, state, mime_type, started_at, run_id, kind)
     VALUES (@id, @interviewId, @state, @mimeType, @startedAt, @runId, @kind)`,
  ).run({ mimeType: null, runId: null, kind: 'interview', ...recording });
}

/** Whose recording it is: the candidate's (`interview`) or the interviewer's backup of the call; undefined when unknown. */
export function recordingKindOf(db: Database, id: string): RecordingKind | undefined {
  const row = db.prepare('SELECT kind FROM recordings WHERE id = ?').get(id) as { kind: RecordingKind } | undefined;
  return row?.kind;
}

export function finishRecording(
  db: Database,
  id: string,
  result: { state: RecordingState; endedAt: string; durationMs?: number; stopReason?: string },
): void {
  db.prepare(
    'UPDATE recordings SET state = @state, ended_at = @endedAt, duration_ms = @durationMs, stop_reason = @stopReason WHERE id = @id',
  ).run({
    id,
    state: result.state,
    endedAt: result.endedAt,
    durationMs: result.durationMs ?? null,
    stopReason: result.stopReason ?? null,
  });
}

const SUMMARY_COLUMNS = `r.id, r.interview_id AS interviewId, i.title AS interviewTitle, i.candidate_name AS candidateName,
       r.state, r.started_at AS startedAt, r.ended_at AS endedAt, r.duration_ms AS durationMs, r.error`;

/**
 * Newest first, with the interview's title and the bytes and chunks recorded so far. The page is chosen first
 * and only its rows are summed (through the chunks primary key), so a page costs the same however large the
 * catalog grows.
 */
export function listRecordings(db: Database, page: { limit: number; offset: number }): RecordingSummary[] {
  return db
    .prepare(
      `WITH page AS MATERIALIZED (
         SELECT ${SUMMARY_COLUMNS}
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

export function listOutputs(db: Database, recordingId: string): RecordingOutput[] {
  return db
    .prepare(
      `SELECT seq, file_path AS filePath, container, duration_ms AS durationMs, size, sha256
         FROM recording_outputs WHERE recording_id = ? ORDER BY seq`,
    )
    .all(recordingId) as RecordingOutput[];
}

/** Everything about one recording, or undefined when the id is unknown. */
export function getRecordingDetail(db: Database, id: string): RecordingDetail | undefined {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, r.mime_type AS mimeType, r.file_path AS filePath, r.sha256,
              r.media_duration_ms AS mediaDurationMs, r.finalized_at AS finalizedAt, r.recovered_at AS recoveredAt,
              r.stop_reason AS stopReason,
              r.run_id AS runId
         FROM recordings r JOIN interviews i ON i.id = r.interview_id
        WHERE r.id = ?`,
    )
    .get(id) as (Omit<RecordingDetail, 'segments' | 'outputs' | 'sizeBytes' | 'chunkCount'> & { runId: string | null }) | undefined;
  if (!row) return undefined;
  const { runId: _runId, ...detail } = row;
  const segments = listSegments(db, id).map(({ lastChunk: _last, ...segment }) => segment);
  return {
    ...detail,
    sizeBytes: segments.reduce((sum, s) => sum + s.bytes, 0),
    chunkCount: segments.reduce((sum, s) => sum + s.chunkCount, 0),
    segments,
    outputs: listOutputs(db, id),
  };
}

export function getRecordingOwner(db: Database, id: string): { state: RecordingState; runId: string | null } | undefined {
  return db.prepare('SELECT state, run_id AS runId FROM recordings WHERE id = ?').get(id) as
    { state: RecordingState; runId: string | null } | undefined;
}

/**
 * Takes a stopped (or earlier failed) recording for finalizing, atomically: two processes asking at once
 * (the app and `irec merge`) cannot both win.
 */
export function claimForFinalize(db: Database, id: string, runId: string): boolean {
  return (
    db
      .prepare(`UPDATE recordings SET state = 'finalizing', run_id = ?, error = NULL WHERE id = ? AND state IN ('stopped', 'failed')`)
      .run(runId, id).changes === 1
  );
}

/** Finalize gave up: back to a state a later retry can claim, with the reason kept. */
export function releaseFinalize(db: Database, id: string, result: { state: 'stopped' | 'failed'; error: string }): void {
  db.prepare('UPDATE recordings SET state = ?, error = redact(?) WHERE id = ?').run(result.state, result.error, id);
}

export function markFinalized(
  db: Database,
  id: string,
  result: { outputs: readonly RecordingOutput[]; finalizedAt: string; durationMs: number; note?: string },
): void {
  const first = result.outputs[0];
  db.transaction(() => {
    db.prepare('DELETE FROM recording_outputs WHERE recording_id = ?').run(id);
    const insert = db.prepare(
      `INSERT INTO recording_outputs (recording_id, seq, file_path, container, duration_ms, size, sha256)
       VALUES (@recordingId, @seq, @filePath, @container, @durationMs, @size, @sha256)`,
    );
    for (const output of result.outputs) insert.run({ recordingId: id, ...output });
    db.prepare(
      `UPDATE recordings SET state = 'finalized', file_path = ?, sha256 = ?, media_duration_ms = ?, finalized_at = ?, error = ?
        WHERE id = ?`,
    ).run(first?.filePath ?? null, first?.sha256 ?? null, Math.round(result.durationMs), result.finalizedAt, result.note ?? null, id);
  })();
}

export interface UnfinishedRecording {
  id: string;
  state: 'recording' | 'finalizing' | 'stopped';
  runId: string | null;
  startedAt: string;
  interviewTitle: string;
  kind: RecordingKind;
}

/** Recordings not yet finalized: still recording, stopped, or in the middle of finalizing. */
export function unfinishedRecordings(db: Database): UnfinishedRecording[] {
  return db
    .prepare(
      `SELECT r.id, r.state, r.run_id AS runId, r.started_at AS startedAt, i.title AS interviewTitle, r.kind
         FROM recordings r JOIN interviews i ON i.id = r.interview_id
        WHERE r.state IN ('recording', 'finalizing', 'stopped')
        ORDER BY r.started_at`,
    )
    .all() as UnfinishedRecording[];
}

/** After a crash: the recording is stopped at its last durable chunk, with what recovery did noted. */
export function markRecovered(
  db: Database,
  id: string,
  result: { endedAt: string | null; durationMs: number; recoveredAt: string; note: string },
): void {
  db.prepare(
    `UPDATE recordings SET state = 'stopped', ended_at = COALESCE(ended_at, @endedAt), duration_ms = COALESCE(duration_ms, @durationMs),
            recovered_at = @recoveredAt, stop_reason = COALESCE(stop_reason, @note)
      WHERE id = @id`,
  ).run({ id, ...result, durationMs: Math.round(result.durationMs) });
}
