import type { Migration } from './types';

/**
 * The `paused` state: an interview interrupted (reload, closed window, crash, power cut) that waits for the
 * candidate to continue it or submit it, and when it was paused. SQLite cannot change a CHECK in place, so the
 * recordings table is rebuilt (SQLite's documented steps, with foreign keys off) keeping every row and index.
 */
export const pausedRecordings: Migration = {
  version: 7,
  name: 'paused-recordings',
  withoutForeignKeys: true,
  up(db) {
    const columns = `id, interview_id, state, mime_type, started_at, ended_at, duration_ms, file_path, sha256, error,
      run_id, finalized_at, recovered_at, media_duration_ms, stop_reason, uploaded_at, local_deleted_at`;
    db.exec(`
      CREATE TABLE recordings_new (
        id                TEXT PRIMARY KEY,
        interview_id      TEXT NOT NULL REFERENCES interviews (id) ON DELETE RESTRICT,
        state             TEXT NOT NULL CHECK (state IN ('recording', 'paused', 'stopped', 'finalizing', 'finalized', 'failed', 'uploaded')),
        mime_type         TEXT,
        started_at        TEXT NOT NULL,
        ended_at          TEXT,
        duration_ms       INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
        file_path         TEXT,
        sha256            TEXT,
        error             TEXT,
        run_id            TEXT,
        finalized_at      TEXT,
        recovered_at      TEXT,
        media_duration_ms INTEGER,
        stop_reason       TEXT,
        uploaded_at       TEXT,
        local_deleted_at  TEXT,
        paused_at         TEXT
      ) STRICT;
      INSERT INTO recordings_new (${columns}) SELECT ${columns} FROM recordings;
      DROP TABLE recordings;
      ALTER TABLE recordings_new RENAME TO recordings;
      CREATE INDEX recordings_by_interview ON recordings (interview_id);
      CREATE INDEX recordings_by_start ON recordings (started_at);
    `);
  },
};
