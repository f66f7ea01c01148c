import type { Database } from 'better-sqlite3';

export interface NewEvent {
  interviewId?: string | null;
  recordingId?: string | null;
  at: string;
  kind: string;
  data?: unknown;
}

export function insertEvent(db: Database, event: NewEvent): number {
  const result = db
    .prepare(
      `INSERT INTO events (interview_id, recording_id, at, kind, data)
       VALUES (@interviewId, @recordingId, @at, @kind, @data)`,
    )
    .run({
      interviewId: event.interviewId ?? null,
      recordingId: event.recordingId ?? null,
      at: event.at,
      kind: event.kind,
      data: event.data === undefined ? null : JSON.stringify(event.data),
    });
  return Number(result.lastInsertRowid);
}

export function listEvents(db: Database, recordingId: string): Array<{ at: string; kind: string; data: unknown }> {
  const rows = db.prepare('SELECT at, kind, data FROM events WHERE recording_id = ? ORDER BY at, id').all(recordingId) as Array<{
    at: string;
    kind: string;
    data: string | null;
  }>;
  return rows.map((row) => ({ ...row, data: row.data === null ? null : (JSON.parse(row.data) as unknown) }));
}
