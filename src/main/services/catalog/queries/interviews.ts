import type { Database } from 'better-sqlite3';

export interface NewInterview {
  id: string;
  scriptId?: string | null;
  title: string;
  candidateName?: string | null;
  locale?: string | null;
  createdAt: string;
}

export function insertInterview(db: Database, interview: NewInterview): void {
  db.prepare(
    `INSERT INTO interviews (id, script_id, title, candidate_name, locale, created_at)
     VALUES (@id, @scriptId, @title, @candidateName, @locale, @createdAt)`,
  ).run({ scriptId: null, candidateName: null, locale: null, ...interview });
}
