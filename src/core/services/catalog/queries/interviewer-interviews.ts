import type { Database } from 'better-sqlite3';

/** The interviewer's rows carry this prefix (interviewer-interview.ts): a candidate's row of the same call is not one. */
export const INTERVIEWER_ID_PREFIX = 'ivw-';

/**
 * The interviewer's interview an earlier opening made under another key: the same schedule, or the same Agora
 * channel or LiveKit room (one of another schedule is another interview, even in the same channel).
 */
export function findInterviewerInterview(
  db: Database,
  names: { scheduleId: string | null; agoraChannel: string | null; livekitRoom: string | null },
): string | undefined {
  const row = db
    .prepare(
      `SELECT id FROM interviews
        WHERE substr(id, 1, ${INTERVIEWER_ID_PREFIX.length}) = '${INTERVIEWER_ID_PREFIX}'
          AND (   (@scheduleId IS NOT NULL AND schedule_id = @scheduleId)
               OR ((@scheduleId IS NULL OR schedule_id IS NULL)
                   AND ((@agoraChannel IS NOT NULL AND agora_channel = @agoraChannel)
                        OR (@livekitRoom IS NOT NULL AND livekit_room = @livekitRoom))))
        ORDER BY schedule_id = @scheduleId DESC, created_at LIMIT 1`,
    )
    .get(names) as { id: string } | undefined;
  return row?.id;
}

export interface InterviewGaps {
  scriptId: string | null;
  candidateName: string | null;
  scheduleId: string | null;
  agoraChannel: string | null;
  livekitRoom: string | null;
}

/** Fills what an interview row does not know yet (a later link names its room, say); never overwrites what it does. */
export function fillInterviewGaps(db: Database, id: string, gaps: InterviewGaps): void {
  db.prepare(
    `UPDATE interviews SET script_id = COALESCE(script_id, @scriptId), candidate_name = COALESCE(candidate_name, @candidateName),
            schedule_id = COALESCE(schedule_id, @scheduleId), agora_channel = COALESCE(agora_channel, @agoraChannel),
            livekit_room = COALESCE(livekit_room, @livekitRoom)
      WHERE id = @id`,
  ).run({ id, ...gaps });
}
