import type { Database } from 'better-sqlite3';
import type { Rating, Recommendation, Scorecard } from '../../../../shared/domain/notes';

interface RatingRow {
  question_index: number | null;
  competency: string | null;
  rating: number;
  reason: string;
}

const toRating = (row: RatingRow): Rating =>
  row.question_index !== null
    ? { subject: 'question', questionIndex: row.question_index, rating: row.rating, reason: row.reason }
    : { subject: 'competency', competency: row.competency ?? '', rating: row.rating, reason: row.reason };

/** The interview's scorecard; undefined when none was saved. Questions first in script order, then competencies as entered. */
export function getScorecard(db: Database, interviewId: string): Scorecard | undefined {
  const card = db
    .prepare('SELECT recommendation, summary, updated_at AS updatedAt FROM scorecards WHERE interview_id = ?')
    .get(interviewId) as { recommendation: Recommendation | null; summary: string; updatedAt: string } | undefined;
  if (!card) return undefined;
  const rows = db
    .prepare(
      `SELECT question_index, competency, rating, reason FROM scorecard_ratings WHERE interview_id = ?
       ORDER BY question_index IS NULL, question_index, id`,
    )
    .all(interviewId) as RatingRow[];
  return { interviewId, ...card, ratings: rows.map(toRating) };
}

/** Replaces the interview's scorecard and all its ratings in one transaction. */
export function saveScorecard(db: Database, card: Omit<Scorecard, 'updatedAt'> & { updatedAt: string }): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO scorecards (interview_id, recommendation, summary, updated_at) VALUES (@interviewId, @recommendation, @summary, @updatedAt)
       ON CONFLICT (interview_id) DO UPDATE SET recommendation = excluded.recommendation, summary = excluded.summary,
                                                updated_at = excluded.updated_at`,
    ).run(card);
    db.prepare('DELETE FROM scorecard_ratings WHERE interview_id = ?').run(card.interviewId);
    const insert = db.prepare(
      `INSERT INTO scorecard_ratings (interview_id, question_index, competency, rating, reason)
       VALUES (@interviewId, @questionIndex, @competency, @rating, @reason)`,
    );
    for (const rating of card.ratings) {
      insert.run({
        interviewId: card.interviewId,
        questionIndex: rating.subject === 'question' ? rating.questionIndex : null,
        competency: rating.subject === 'competency' ? rating.competency : null,
        rating: rating.rating,
        reason: rating.reason,
      });
    }
  })();
}
