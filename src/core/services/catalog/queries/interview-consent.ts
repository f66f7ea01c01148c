import type { Database } from 'better-sqlite3';

export interface GivenConsent {
  /** The interview the consent was recorded for: this one, or the candidate's own row of the same call. */
  interviewId: string;
  statement: string;
  consentedAt: string;
}

/**
 * The latest consent recorded for an interview — or, when the interviewer's row has none, for an interview in the
 * same catalog that names the same schedule, Agora channel or LiveKit room (the candidate's row, when the
 * candidate recorded on this computer). Undefined when none is recorded here.
 */
export function latestConsentFor(db: Database, interviewId: string): GivenConsent | undefined {
  return db
    .prepare(
      `SELECT c.interview_id AS interviewId, c.statement, c.consented_at AS consentedAt
         FROM interviews me
         JOIN interviews other ON other.id = me.id
              OR (me.schedule_id IS NOT NULL AND other.schedule_id = me.schedule_id)
              OR (me.agora_channel IS NOT NULL AND other.agora_channel = me.agora_channel)
              OR (me.livekit_room IS NOT NULL AND other.livekit_room = me.livekit_room)
         JOIN consents c ON c.interview_id = other.id
        WHERE me.id = ?
        ORDER BY (other.id = me.id) DESC, c.consented_at DESC, c.id DESC
        LIMIT 1`,
    )
    .get(interviewId) as GivenConsent | undefined;
}
