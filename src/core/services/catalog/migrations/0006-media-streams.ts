import type { Migration } from './types';

/**
 * The Media Recording API fed while recording: one stream per recorded segment (one API session each, see
 * `media-api/media-stream.ts`), and the API chunks cut from it. A chunk's byte range is fixed when it is planned,
 * so a re-sent chunkIndex always carries the same bytes; `acked_at` is set once the API confirmed it.
 */
export const mediaStreams: Migration = {
  version: 6,
  name: 'media-streams',
  up(db) {
    db.exec(`
      CREATE TABLE media_streams (
        session_id    TEXT PRIMARY KEY REFERENCES cloud_sessions (id) ON DELETE CASCADE,
        recording_id  TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
        segment_seq   INTEGER NOT NULL,
        -- the API answered init for this session
        initialized   INTEGER NOT NULL DEFAULT 0 CHECK (initialized IN (0, 1)),
        -- finalize (or finalize-async) was accepted: what is left is waiting for the video
        finalized_at  TEXT,
        UNIQUE (recording_id, segment_seq)
      ) STRICT;

      CREATE TABLE media_stream_chunks (
        session_id    TEXT NOT NULL REFERENCES media_streams (session_id) ON DELETE CASCADE,
        chunk_index   INTEGER NOT NULL CHECK (chunk_index >= 0),
        byte_offset   INTEGER NOT NULL CHECK (byte_offset >= 0),
        size          INTEGER NOT NULL CHECK (size > 0),
        acked_at      TEXT,
        PRIMARY KEY (session_id, chunk_index)
      ) STRICT;
    `);
  },
};
