import type { Database } from 'better-sqlite3';
import type { CloudBackend, CloudSession, CloudSessionState } from '../../../../shared/domain/cloud';

export interface NewCloudSession {
  id: string;
  interviewId: string;
  recordingId: string | null;
  backend: CloudBackend;
  state: CloudSessionState;
  target: string;
  uid?: string | null;
  scheduleId?: string | null;
  createdAt: string;
}

/** Columns a service may change; `updated_at` is always set with them. */
export type CloudSessionChanges = Partial<{
  state: CloudSessionState;
  /** Agora's resource ID. */
  resourceId: string | null;
  /** The backend's own ID: Agora sid, LiveKit egressId or Media API sessionId. */
  remoteId: string | null;
  statusCode: number | null;
  statusText: string | null;
  files: CloudSession['files'];
  recordingUrl: string | null;
  bytesSent: number | null;
  bytesTotal: number | null;
  chunkBytes: number | null;
  error: string | null;
  startedAt: string | null;
  stoppedAt: string | null;
  checkedAt: string | null;
}>;

const COLUMNS: Record<keyof CloudSessionChanges, string> = {
  state: 'state',
  resourceId: 'resource_id',
  remoteId: 'remote_id',
  statusCode: 'status_code',
  statusText: 'status_text',
  files: 'file_list',
  recordingUrl: 'recording_url',
  bytesSent: 'bytes_sent',
  bytesTotal: 'bytes_total',
  chunkBytes: 'chunk_bytes',
  error: 'error',
  startedAt: 'started_at',
  stoppedAt: 'stopped_at',
  checkedAt: 'checked_at',
};

/** Columns that hold a backend's words: written through the catalog's redact() (open-catalog.ts). */
const SERVER_TEXT: ReadonlySet<keyof CloudSessionChanges> = new Set(['error', 'statusText']);

export function insertCloudSession(db: Database, session: NewCloudSession): void {
  db.prepare(
    `INSERT INTO cloud_sessions (id, interview_id, recording_id, backend, state, target, uid, schedule_id, created_at, updated_at)
     VALUES (@id, @interviewId, @recordingId, @backend, @state, @target, @uid, @scheduleId, @createdAt, @createdAt)`,
  ).run({ uid: null, scheduleId: null, ...session });
}

export function updateCloudSession(db: Database, id: string, changes: CloudSessionChanges, at: string): void {
  const keys = Object.keys(changes) as Array<keyof CloudSessionChanges>;
  const values: Record<string, unknown> = { id, updatedAt: at };
  for (const key of keys) values[key] = key === 'files' ? JSON.stringify(changes.files) : changes[key];
  const sets = keys.map((key) => (SERVER_TEXT.has(key) ? `${COLUMNS[key]} = redact(@${key})` : `${COLUMNS[key]} = @${key}`));
  db.prepare(`UPDATE cloud_sessions SET ${[...sets, 'updated_at = @updatedAt'].join(', ')} WHERE id = @id`).run(values);
}

interface Row {
  id: string;
  interview_id: string;
  recording_id: string | null;
  backend: CloudBackend;
  state: CloudSessionState;
  target: string;
  uid: string | null;
  schedule_id: string | null;
  resource_id: string | null;
  remote_id: string | null;
  status_code: number | null;
  status_text: string | null;
  file_list: string | null;
  recording_url: string | null;
  bytes_sent: number | null;
  bytes_total: number | null;
  chunk_bytes: number | null;
  error: string | null;
  started_at: string | null;
  stopped_at: string | null;
  checked_at: string | null;
  updated_at: string;
  pending_kind: string | null;
  pending_state: 'pending' | 'held' | null;
  pending_attempts: number | null;
  pending_next: string | null;
  pending_error: string | null;
}

const SELECT = `
  SELECT s.*, o.kind AS pending_kind, o.state AS pending_state, o.attempts AS pending_attempts,
         o.next_attempt_at AS pending_next, o.last_error AS pending_error
  FROM cloud_sessions s
  LEFT JOIN outbox o ON o.session_id = s.id AND o.state IN ('pending', 'held')`;

function pendingOf(row: Row): CloudSession['pending'] {
  if (!row.pending_kind || !row.pending_state || row.pending_attempts === null || !row.pending_next) return null;
  return {
    kind: row.pending_kind,
    state: row.pending_state,
    attempts: row.pending_attempts,
    nextAttemptAt: row.pending_next,
    lastError: row.pending_error,
  };
}

/** The one place a row becomes a session: the generic columns take each backend's own names. */
function toSession(row: Row): CloudSession {
  const base = {
    id: row.id,
    interviewId: row.interview_id,
    recordingId: row.recording_id,
    state: row.state,
    target: row.target,
    statusCode: row.status_code,
    statusText: row.status_text,
    files: row.file_list ? (JSON.parse(row.file_list) as CloudSession['files']) : [],
    recordingUrl: row.recording_url,
    error: row.error,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
    checkedAt: row.checked_at,
    updatedAt: row.updated_at,
    pending: pendingOf(row),
  };
  if (row.backend === 'agora') {
    const recording = row.resource_id && row.remote_id ? { resourceId: row.resource_id, sid: row.remote_id } : null;
    return { ...base, backend: 'agora', uid: row.uid ?? '', scheduleId: row.schedule_id, recording };
  }
  if (row.backend === 'livekit') return { ...base, backend: 'livekit', egressId: row.remote_id };
  return {
    ...base,
    backend: 'media',
    apiSessionId: row.remote_id,
    bytesSent: row.bytes_sent,
    bytesTotal: row.bytes_total,
    chunkBytes: row.chunk_bytes,
  };
}

export function getCloudSession(db: Database, id: string): CloudSession | undefined {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
  return row && toSession(row);
}

export function listCloudSessions(
  db: Database,
  filter: { interviewId?: string; recordingId?: string; limit?: number } = {},
): CloudSession[] {
  const where = filter.interviewId
    ? 'WHERE s.interview_id = @interviewId'
    : filter.recordingId
      ? 'WHERE s.recording_id = @recordingId'
      : '';
  const rows = db
    .prepare(`${SELECT} ${where} ORDER BY s.created_at DESC, s.backend LIMIT @limit`)
    .all({ interviewId: filter.interviewId, recordingId: filter.recordingId, limit: filter.limit ?? 500 }) as Row[];
  return rows.map(toSession);
}

/** Sessions a previous run left registering or recording: nobody will stop them unless we do. */
export function abandonedCloudSessions(db: Database): CloudSession[] {
  return (db.prepare(`${SELECT} WHERE s.state IN ('registering', 'active')`).all() as Row[]).map(toSession);
}

/** The session recording this call now (registering or active), whoever started it: a second bot would duplicate it. */
export function runningCallSession(db: Database, backend: CloudBackend, target: string): CloudSession | undefined {
  const row = db
    .prepare(`${SELECT} WHERE s.backend = ? AND s.target = ? AND s.state IN ('registering', 'active') ORDER BY s.created_at DESC LIMIT 1`)
    .get(backend, target) as Row | undefined;
  return row && toSession(row);
}
