import type { Recommendation, Scorecard, ScorecardInput } from '../../../shared/domain/notes';

/** One row of the form: a question of the guide or a named competency, with a rating (null: not rated) and a reason. */
export type DraftRow =
  | { subject: 'question'; questionIndex: number; rating: number | null; reason: string }
  | { subject: 'competency'; competency: string; rating: number | null; reason: string };

export interface ScorecardDraft {
  rows: DraftRow[];
  recommendation: Recommendation | null;
  summary: string;
}

/** The form for a saved card: a row per question of the guide (rated or not), then the competencies it rated. */
export function draftFrom(card: Scorecard | null, questionCount: number): ScorecardDraft {
  const ratings = card?.ratings ?? [];
  const questionRows: DraftRow[] = Array.from({ length: questionCount }, (_, questionIndex) => {
    const saved = ratings.find((r) => r.subject === 'question' && r.questionIndex === questionIndex);
    return { subject: 'question', questionIndex, rating: saved?.rating ?? null, reason: saved?.reason ?? '' };
  });
  // A question rated beyond the guide (another script's card) keeps its row rather than being dropped on save.
  const otherRows: DraftRow[] = ratings
    .filter((r) => r.subject === 'competency' || r.questionIndex >= questionCount)
    .map((r) => ({ ...r }));
  return { rows: [...questionRows, ...otherRows], recommendation: card?.recommendation ?? null, summary: card?.summary ?? '' };
}

/**
 * What is saved: only rows with a rating (a reason alone is not a rating), competencies with a name. A blank
 * competency row is left out rather than refused, so an unfinished row never blocks saving the rest.
 */
export function inputFrom(interviewId: string, draft: ScorecardDraft): ScorecardInput {
  const ratings: ScorecardInput['ratings'] = [];
  for (const row of draft.rows) {
    if (row.rating === null) continue;
    if (row.subject === 'question')
      ratings.push({ subject: 'question', questionIndex: row.questionIndex, rating: row.rating, reason: row.reason.trim() });
    else if (row.competency.trim() !== '')
      ratings.push({ subject: 'competency', competency: row.competency.trim(), rating: row.rating, reason: row.reason.trim() });
  }
  return { interviewId, recommendation: draft.recommendation, summary: draft.summary.trim(), ratings };
}
