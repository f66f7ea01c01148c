import type { Migration } from './types';

/**
 * Whose recording a row is: the candidate's (`interview`, every recording before this migration) or the
 * interviewer's local backup of the call (`backup`), which registers no cloud recording and is never paused.
 */
export const recordingKind: Migration = {
  version: 9,
  name: 'recording-kind',
  up(db) {
    db.exec(`ALTER TABLE recordings ADD COLUMN kind TEXT NOT NULL DEFAULT 'interview' CHECK (kind IN ('interview', 'backup'));`);
  },
};
