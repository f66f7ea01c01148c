import type { Migration } from './types';

/** Interviews, their recordings, the segment files and one-second chunks inside them, and timestamped events. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE interviews (
        id             TEXT PRIMARY KEY,
        script_id      TEXT,
        title          TEXT NOT NULL,
        candidate_name TEXT,
        locale         TEXT,
        created_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE recordings (
        id           TEXT PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE RESTRICT,
        state        TEXT NOT NULL CHECK (state IN ('recording', 'stopped', 'finalizing', 'finalized', 'failed', 'uploaded')),
        mime_type    TEXT,
        started_at   TEXT NOT NULL,
        ended_at     TEXT,
        duration_ms  INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
        file_path    TEXT,
        sha256       TEXT,
        error        TEXT
      ) STRICT;
      CREATE INDEX recordings_by_interview ON recordings (interview_id);
      CREATE INDEX recordings_by_start ON recordings (started_at);

      CREATE TABLE segments (
        recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL CHECK (seq >= 0),
        file_path    TEXT NOT NULL,
        mime_type    TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        ended_at     TEXT,
        PRIMARY KEY (recording_id, seq)
      ) STRICT;

      CREATE TABLE chunks (
        recording_id TEXT NOT NULL,
        segment_seq  INTEGER NOT NULL,
        idx          INTEGER NOT NULL CHECK (idx >= 0),
        byte_offset  INTEGER NOT NULL CHECK (byte_offset >= 0),
        size         INTEGER NOT NULL CHECK (size > 0),
        sha256       TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        PRIMARY KEY (recording_id, segment_seq, idx),
        FOREIGN KEY (recording_id, segment_seq) REFERENCES segments (recording_id, seq) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE events (
        id           INTEGER PRIMARY KEY,
        interview_id TEXT REFERENCES interviews (id) ON DELETE CASCADE,
        recording_id TEXT REFERENCES recordings (id) ON DELETE CASCADE,
        at           TEXT NOT NULL,
        kind         TEXT NOT NULL,
        data         TEXT CHECK (data IS NULL OR json_valid(data))
      ) STRICT;
      CREATE INDEX events_by_recording ON events (recording_id, at);
      CREATE INDEX events_by_interview ON events (interview_id, at);
    `);
  },
};
