import type { Migration } from './types';

/** Candidate consent as given (statement verbatim), and the interview's schedule and cloud-recording room. */
export const consentAndLinks: Migration = {
  version: 2,
  name: 'consent-and-links',
  up(db) {
    db.exec(`
      ALTER TABLE interviews ADD COLUMN schedule_id TEXT;
      ALTER TABLE interviews ADD COLUMN agora_channel TEXT;
      ALTER TABLE interviews ADD COLUMN livekit_room TEXT;

      CREATE TABLE consents (
        id           INTEGER PRIMARY KEY,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        script_id    TEXT NOT NULL,
        consented_at TEXT NOT NULL,
        statement    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consents_by_interview ON consents (interview_id);
    `);
  },
};
