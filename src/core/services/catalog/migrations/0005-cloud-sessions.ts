import type { Migration } from './types';

/**
 * Cloud recordings and backend uploads of an interview (Agora, LiveKit, the Media Recording API), and the
 * outbox of calls that must reach a backend (a stop, an upload and its finalize) however long it is down.
 */
export const cloudSessions: Migration = {
  version: 5,
  name: 'cloud-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE cloud_sessions (
        id             TEXT PRIMARY KEY,
        interview_id   TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        recording_id   TEXT REFERENCES recordings (id) ON DELETE SET NULL,
        backend        TEXT NOT NULL CHECK (backend IN ('agora', 'livekit', 'media')),
        -- registering: start not yet acknowledged; active: recording in the cloud; stopping: the stop (or the
        -- upload) is in the outbox; processing: stopped, the backend is still producing the file;
        -- done: finished, with its URL; failed: finished without one; missed: never registered
        state          TEXT NOT NULL CHECK (state IN ('registering', 'active', 'stopping', 'processing', 'done', 'failed', 'missed')),
        -- Agora channel, LiveKit room, or the Media API site
        target         TEXT NOT NULL,
        uid            TEXT,
        schedule_id    TEXT,
        resource_id    TEXT,
        -- Agora sid, LiveKit egressId, Media API sessionId
        remote_id      TEXT,
        status_code    INTEGER,
        status_text    TEXT,
        file_list      TEXT CHECK (file_list IS NULL OR json_valid(file_list)),
        recording_url  TEXT,
        bytes_sent     INTEGER,
        bytes_total    INTEGER,
        -- Media API: the chunk size the upload began with (a resumed upload must cut the file the same way)
        chunk_bytes    INTEGER,
        error          TEXT,
        started_at     TEXT,
        stopped_at     TEXT,
        checked_at     TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cloud_sessions_by_interview ON cloud_sessions (interview_id);
      CREATE INDEX cloud_sessions_by_recording ON cloud_sessions (recording_id);

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        session_id      TEXT NOT NULL REFERENCES cloud_sessions (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('agora.stop', 'livekit.stop', 'media.upload')),
        -- held: refused for want of a valid token; tried again when the app starts with (perhaps) a new one
        state           TEXT NOT NULL CHECK (state IN ('pending', 'held', 'delivered', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        created_at      TEXT NOT NULL,
        delivered_at    TEXT,
        UNIQUE (session_id, kind)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
    `);
  },
};
