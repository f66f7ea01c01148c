import type { Migration } from './types';

/**
 * The upload queue: one job per object (a recorded stream while it grows, the finalized file, the manifest, or any
 * file from `irec upload --file`) and one row per multipart part, so that a restart resumes part-exact.
 * A part is `confirmed` only once S3 answered with its ETag; everything else is sent again.
 */
export const uploads: Migration = {
  version: 4,
  name: 'uploads',
  up(db) {
    db.exec(`
      CREATE TABLE upload_jobs (
        id              TEXT PRIMARY KEY,
        recording_id    TEXT REFERENCES recordings (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('stream', 'final', 'manifest', 'file')),
        -- stream jobs: the segment whose file grows into this object while recording; final jobs: the output
        segment_seq     INTEGER,
        -- stream jobs: which piece of the segment (a recorded stream goes up in pieces of a fixed size)
        piece           INTEGER NOT NULL DEFAULT 0 CHECK (piece >= 0),
        source_path     TEXT NOT NULL,
        -- the object is the source's bytes from here on (a piece of a recorded stream)
        source_offset   INTEGER NOT NULL DEFAULT 0 CHECK (source_offset >= 0),
        bucket          TEXT NOT NULL,
        object_key      TEXT NOT NULL,
        content_type    TEXT NOT NULL,
        part_size       INTEGER NOT NULL CHECK (part_size >= 5242880),
        -- null while the source still grows
        size            INTEGER CHECK (size IS NULL OR size >= 0),
        upload_id       TEXT,
        state           TEXT NOT NULL CHECK (state IN ('queued', 'uploading', 'done', 'failed', 'cancelled')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT,
        etag            TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        completed_at    TEXT
      ) STRICT;
      CREATE INDEX upload_jobs_by_recording ON upload_jobs (recording_id);
      CREATE INDEX upload_jobs_open ON upload_jobs (created_at) WHERE state IN ('queued', 'uploading');

      CREATE TABLE upload_parts (
        job_id          TEXT NOT NULL REFERENCES upload_jobs (id) ON DELETE CASCADE,
        part_number     INTEGER NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
        byte_offset     INTEGER NOT NULL CHECK (byte_offset >= 0),
        size            INTEGER NOT NULL CHECK (size >= 0),
        -- base64 MD5 sent as Content-MD5, which S3 checks before it stores the part (set when first sent)
        md5             TEXT,
        etag            TEXT,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'confirmed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error      TEXT,
        confirmed_at    TEXT,
        PRIMARY KEY (job_id, part_number)
      ) STRICT;

      ALTER TABLE recordings ADD COLUMN uploaded_at TEXT;
      ALTER TABLE recordings ADD COLUMN local_deleted_at TEXT;
    `);
  },
};
