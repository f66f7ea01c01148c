import type { Migration } from './types';

/**
 * The interviewer's notes and scorecard. A note carries both recording clocks as they were when it was typed: the
 * interviewer's local recording (its media time) and the call's cloud recording (time since its start), so a note
 * can be found in either file; a clock is null when that recording was not running.
 */
export const interviewerNotes: Migration = {
  version: 8,
  name: 'interviewer-notes',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        id                 TEXT PRIMARY KEY,
        interview_id       TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        text               TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        question_index     INTEGER CHECK (question_index IS NULL OR question_index >= 0),
        author             TEXT,
        created_at         TEXT NOT NULL,
        edited_at          TEXT,
        local_recording_id TEXT REFERENCES recordings (id) ON DELETE SET NULL,
        local_ms           INTEGER CHECK (local_ms IS NULL OR local_ms >= 0),
        cloud_session_id   TEXT REFERENCES cloud_sessions (id) ON DELETE SET NULL,
        cloud_ms           INTEGER CHECK (cloud_ms IS NULL OR cloud_ms >= 0)
      ) STRICT;
      CREATE INDEX notes_by_interview ON notes (interview_id, created_at);

      CREATE TABLE scorecards (
        interview_id   TEXT PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
        recommendation TEXT CHECK (recommendation IS NULL OR recommendation IN ('strong-no', 'no', 'yes', 'strong-yes')),
        summary        TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL
      ) STRICT;

      -- A rating is about one question (by its index in the script) or one competency (by name), never both.
      CREATE TABLE scorecard_ratings (
        id             INTEGER PRIMARY KEY,
        interview_id   TEXT NOT NULL REFERENCES scorecards (interview_id) ON DELETE CASCADE,
        question_index INTEGER CHECK (question_index IS NULL OR question_index >= 0),
        competency     TEXT CHECK (competency IS NULL OR length(competency) BETWEEN 1 AND 100),
        rating         INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        reason         TEXT NOT NULL DEFAULT '',
        CHECK ((question_index IS NULL) <> (competency IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX scorecard_ratings_one_per_subject
        ON scorecard_ratings (interview_id, coalesce(question_index, -1), coalesce(competency, ''));
    `);
  },
};
