import type { Database } from 'better-sqlite3';

export interface RunRow {
  id: string;
  pid: number;
  bootTimeMs: number;
  runtime: string;
  startedAt: string;
  endedAt: string | null;
  crashed: number;
}

const RUN_COLUMNS = 'id, pid, boot_time_ms AS bootTimeMs, runtime, started_at AS startedAt, ended_at AS endedAt, crashed';

export function insertRun(db: Database, run: Omit<RunRow, 'endedAt' | 'crashed'>): void {
  db.prepare('INSERT INTO runs (id, pid, boot_time_ms, runtime, started_at) VALUES (@id, @pid, @bootTimeMs, @runtime, @startedAt)').run(
    run,
  );
}

/** The clean-shutdown marker: a run without `ended_at` whose process is gone crashed. */
export function endRun(db: Database, id: string, endedAt: string, crashed = false): void {
  db.prepare('UPDATE runs SET ended_at = ?, crashed = ? WHERE id = ? AND ended_at IS NULL').run(endedAt, crashed ? 1 : 0, id);
}

export function openRuns(db: Database): RunRow[] {
  return db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE ended_at IS NULL`).all() as RunRow[];
}

export function getRun(db: Database, id: string): RunRow | undefined {
  return db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
}

/** Ended runs are only history; keep the newest few hundred. */
export function pruneEndedRuns(db: Database, keep = 200): void {
  db.prepare('DELETE FROM runs WHERE ended_at IS NOT NULL AND id NOT IN (SELECT id FROM runs ORDER BY started_at DESC LIMIT ?)').run(keep);
}
