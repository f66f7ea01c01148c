import type { Database } from 'better-sqlite3';
import type { ActiveScript } from '../interview/load-script';

export interface InterviewQuestions {
  /** Each known question's text by index. */
  texts: Map<number, string>;
  /** How many questions the interview has, when its script is the one loaded; null when only markers tell. */
  count: number | null;
}

/**
 * The questions of an interview as far as they are known: from the active script when it is the interview's own,
 * otherwise from the `question.start` markers its recording left (their text is cut at 200 characters), so a
 * question never reached, of a script no longer loaded, stays unknown.
 */
export function interviewQuestions(db: Database, interviewId: string, scriptId: string | null, active: ActiveScript): InterviewQuestions {
  if (active.ok && scriptId !== null && active.script.id === scriptId) {
    const { questions } = active.script;
    return { texts: new Map(questions.map((question, index) => [index, question.text])), count: questions.length };
  }
  const rows = db
    .prepare(
      `SELECT json_extract(data, '$.index') AS idx, json_extract(data, '$.text') AS text FROM events
       WHERE interview_id = ? AND kind = 'question.start' AND json_type(data, '$.index') = 'integer'
         AND json_type(data, '$.text') = 'text'
       ORDER BY at, id`,
    )
    .all(interviewId) as Array<{ idx: number; text: string }>;
  return { texts: new Map(rows.map((row) => [row.idx, row.text])), count: null };
}
