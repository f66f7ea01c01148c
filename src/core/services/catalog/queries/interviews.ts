import type { Database } from 'better-sqlite3';

export interface NewInterview {
  id: string;
  scriptId?: string | null;
  title: string;
  candidateName?: string | null;
  locale?: string | null;
  createdAt: string;
  scheduleId?: string | null;
  agoraChannel?: string | null;
  livekitRoom?: string | null;
}

export function insertInterview(db: Database, interview: NewInterview): void {
  db.prepare(
    `INSERT INTO interviews (id, script_id, title, candidate_name, locale, created_at, schedule_id, agora_channel, livekit_room)
     VALUES (@id, @scriptId, @title, @candidateName, @locale, @createdAt, @scheduleId, @agoraChannel, @livekitRoom)`,
  ).run({ scriptId: null, candidateName: null, locale: null, scheduleId: null, agoraChannel: null, livekitRoom: null, ...interview });
}

export interface NewConsent {
  interviewId: string;
  scriptId: string;
  consentedAt: string;
  statement: string;
}

export function insertConsent(db: Database, consent: NewConsent): number {
  const result = db
    .prepare(
      'INSERT INTO consents (interview_id, script_id, consented_at, statement) VALUES (@interviewId, @scriptId, @consentedAt, @statement)',
    )
    .run(consent);
  return Number(result.lastInsertRowid);
}

export function listConsents(db: Database, interviewId: string): Array<NewConsent & { id: number }> {
  return db
    .prepare(
      `SELECT id, interview_id AS interviewId, script_id AS scriptId, consented_at AS consentedAt, statement
         FROM consents WHERE interview_id = ? ORDER BY id`,
    )
    .all(interviewId) as Array<NewConsent & { id: number }>;
}

export function interviewExists(db: Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM interviews WHERE id = ?').get(id) !== undefined;
}

export interface InterviewLinks {
  id: string;
  title: string;
  scheduleId: string | null;
  agoraChannel: string | null;
  livekitRoom: string | null;
}

/** What an interview names outside the app: its schedule, its Agora channel, its LiveKit room. */
export function getInterviewLinks(db: Database, id: string): InterviewLinks | undefined {
  return db
    .prepare(
      'SELECT id, title, schedule_id AS scheduleId, agora_channel AS agoraChannel, livekit_room AS livekitRoom FROM interviews WHERE id = ?',
    )
    .get(id) as InterviewLinks | undefined;
}

export interface InterviewHeading {
  id: string;
  title: string;
  candidateName: string | null;
  scriptId: string | null;
}

/** Who and what an interview is, as notes and exports name it. */
export function getInterviewHeading(db: Database, id: string): InterviewHeading | undefined {
  return db.prepare('SELECT id, title, candidate_name AS candidateName, script_id AS scriptId FROM interviews WHERE id = ?').get(id) as
    InterviewHeading | undefined;
}
