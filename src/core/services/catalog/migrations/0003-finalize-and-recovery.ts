import type { Migration } from './types';

/**
 * App runs (the clean-shutdown marker: `ended_at` stays empty after a crash), which run owns a recording, the
 * finalized output files, when a recording was finalized or recovered and why it stopped early, and each chunk's
 * end in media time. `recordings.file_path`/`sha256`
 * mirror the first output, which is the only one unless the segments could not be joined.
 */
export const finalizeAndRecovery: Migration = {
  version: 3,
  name: 'finalize-and-recovery',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id           TEXT PRIMARY KEY,
        pid          INTEGER NOT NULL,
        boot_time_ms INTEGER NOT NULL,
        runtime      TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        ended_at     TEXT,
        crashed      INTEGER NOT NULL DEFAULT 0 CHECK (crashed IN (0, 1))
      ) STRICT;

      ALTER TABLE recordings ADD COLUMN run_id TEXT;
      ALTER TABLE recordings ADD COLUMN finalized_at TEXT;
      ALTER TABLE recordings ADD COLUMN recovered_at TEXT;
      ALTER TABLE recordings ADD COLUMN media_duration_ms INTEGER;
      -- Why recording ended early (disk-low, device-lost, …); \`error\` is kept for what went wrong afterwards.
      ALTER TABLE recordings ADD COLUMN stop_reason TEXT;
      UPDATE recordings SET stop_reason = error, error = NULL WHERE state = 'stopped' AND error IS NOT NULL;

      -- Where each chunk ends in the segment's media time, by the recorder's clock: a crashed recording's length.
      ALTER TABLE chunks ADD COLUMN media_end_ms INTEGER CHECK (media_end_ms IS NULL OR media_end_ms >= 0);

      CREATE TABLE recording_outputs (
        recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL CHECK (seq >= 0),
        file_path    TEXT NOT NULL,
        container    TEXT NOT NULL,
        duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),
        size         INTEGER NOT NULL CHECK (size >= 0),
        sha256       TEXT NOT NULL,
        PRIMARY KEY (recording_id, seq)
      ) STRICT;
    `);
  },
};
