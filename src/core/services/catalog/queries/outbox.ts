import type { Database } from 'better-sqlite3';

export const outboxKinds = ['agora.stop', 'livekit.stop', 'media.upload'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export interface OutboxItem {
  id: number;
  sessionId: string;
  kind: OutboxKind;
  state: 'pending' | 'held' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

const COLUMNS = 'id, session_id AS sessionId, kind, state, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError';

/** Idempotent: one item per session and kind, so a repeated "end" never queues a second stop. */
export function enqueueOutbox(db: Database, item: { sessionId: string; kind: OutboxKind; at: string }): void {
  db.prepare(
    `INSERT INTO outbox (session_id, kind, state, next_attempt_at, created_at) VALUES (@sessionId, @kind, 'pending', @at, @at)
     ON CONFLICT (session_id, kind) DO NOTHING`,
  ).run(item);
}

export function dueOutboxItems(db: Database, now: string, limit = 20): OutboxItem[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`)
    .all(now, limit) as OutboxItem[];
}

export function nextOutboxAttemptAt(db: Database): string | null {
  const row = db.prepare(`SELECT MIN(next_attempt_at) AS next FROM outbox WHERE state = 'pending'`).get() as { next: string | null };
  return row.next;
}

export function listOutbox(db: Database, states: ReadonlyArray<OutboxItem['state']> = ['pending', 'held']): OutboxItem[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY id`)
    .all(...states) as OutboxItem[];
}

export function markOutboxDelivered(db: Database, id: number, at: string): void {
  db.prepare(`UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?`).run(at, id);
}

/** Not yet: try again at `nextAttemptAt`. `counts` is false for waits that are not failures (still processing). */
export function rescheduleOutbox(db: Database, id: number, next: { at: string; error: string | null; counts: boolean }): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ?, last_error = redact(?), attempts = attempts + ? WHERE id = ?`).run(
    next.at,
    next.error,
    next.counts ? 1 : 0,
    id,
  );
}

export function settleOutbox(db: Database, id: number, state: 'held' | 'failed', error: string): void {
  db.prepare(`UPDATE outbox SET state = ?, last_error = redact(?), attempts = attempts + 1 WHERE id = ?`).run(state, error, id);
}

/** At start-up (a new token may have been set) and on "retry": held and failed calls are tried again now. */
export function releaseOutbox(db: Database, at: string, states: ReadonlyArray<'held' | 'failed'> = ['held']): number {
  return db
    .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state IN (${states.map(() => '?').join(', ')})`)
    .run(at, ...states).changes;
}

/** The network is back or the user asked: every pending call is due now instead of at its backoff time. */
export function makeOutboxDueNow(db: Database, at: string): void {
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending'`).run(at);
}

/** New work for one session's owed calls (more of a recording is durable): due now. Returns their IDs. */
export function makeSessionDueNow(db: Database, sessionId: string, at: string): number[] {
  const ids = (db.prepare(`SELECT id FROM outbox WHERE session_id = ? AND state = 'pending'`).all(sessionId) as Array<{ id: number }>).map(
    (row) => row.id,
  );
  db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE session_id = ? AND state = 'pending'`).run(at, sessionId);
  return ids;
}
