import { useEffect, useState } from 'react';
import { recommendations, type Recommendation } from '../../../shared/domain/notes';
import { api } from '../../api';
import { useMessages } from '../../i18n/locale-context';
import { deskNotesMessages } from './desk-notes-messages';
import { draftFrom, inputFrom, type DraftRow, type ScorecardDraft } from './scorecard-draft';

const RECOMMENDATION_KEYS: Record<Recommendation, 'strongNo' | 'no' | 'yes' | 'strongYes'> = {
  'strong-no': 'strongNo',
  no: 'no',
  yes: 'yes',
  'strong-yes': 'strongYes',
};

/** The scorecard, during the call or after it: a rating and reason per question and competency, and the recommendation. */
export function ScorecardForm({ interviewId, questions }: { interviewId: string; questions: string[] }) {
  const t = useMessages(deskNotesMessages);
  const [draft, setDraft] = useState<ScorecardDraft | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.getScorecard({ interviewId }).then(
      (card) => {
        if (!current) return;
        setDraft(draftFrom(card, questions.length));
        setSavedAt(card.updatedAt);
      },
      (failure: unknown) => current && setError((failure as Error).message),
    );
    return () => {
      current = false;
    };
  }, [interviewId, questions.length]);

  if (!draft) return error ? <p role="alert">{error}</p> : null;
  const setRow = (index: number, changes: Partial<DraftRow>) =>
    setDraft({ ...draft, rows: draft.rows.map((row, i) => (i === index ? ({ ...row, ...changes } as DraftRow) : row)) });
  const save = () => {
    setError(null);
    api.saveScorecard(inputFrom(interviewId, draft)).then(
      (card) => setSavedAt(card.updatedAt),
      (failure: unknown) => setError((failure as Error).message),
    );
  };

  return (
    <section className="card flow desk-scorecard" aria-labelledby="desk-scorecard-title">
      <h2 id="desk-scorecard-title">{t('scorecardTitle')}</h2>
      {draft.rows.map((row, index) => (
        <RatingRow
          key={index}
          row={row}
          question={questions[row.subject === 'question' ? row.questionIndex : -1]}
          onChange={(changes) => setRow(index, changes)}
        />
      ))}
      <button
        type="button"
        className="button-secondary"
        onClick={() => setDraft({ ...draft, rows: [...draft.rows, { subject: 'competency', competency: '', rating: null, reason: '' }] })}
      >
        {t('addCompetency')}
      </button>
      <RecommendationSelect value={draft.recommendation} onChange={(recommendation) => setDraft({ ...draft, recommendation })} />
      <label>
        {t('summary')}
        <textarea value={draft.summary} rows={3} maxLength={4000} onChange={(e) => setDraft({ ...draft, summary: e.target.value })} />
      </label>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={save}>
          {t('saveScorecard')}
        </button>
        <span className="muted" role="status">
          {savedAt ? t('savedAt', { time: new Date(savedAt).toLocaleTimeString() }) : t('notSaved')}
        </span>
      </div>
    </section>
  );
}

/** One question's or competency's rating 1–5 (or none) with its reason. */
function RatingRow({
  row,
  question,
  onChange,
}: {
  row: DraftRow;
  question: string | undefined;
  onChange(changes: Partial<DraftRow>): void;
}) {
  const t = useMessages(deskNotesMessages);
  return (
    <fieldset className="desk-rating">
      <legend>
        {row.subject === 'question' ? `${t('questionNumber', { number: row.questionIndex + 1 })}: ${question ?? ''}` : t('competency')}
      </legend>
      {row.subject === 'competency' && (
        <label>
          {t('competencyName')}
          <input type="text" value={row.competency} maxLength={100} onChange={(e) => onChange({ competency: e.target.value })} />
        </label>
      )}
      <label>
        {t('rating')}
        <select value={row.rating ?? ''} onChange={(e) => onChange({ rating: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">{t('notRated')}</option>
          {[1, 2, 3, 4, 5].map((rating) => (
            <option key={rating} value={rating}>
              {t('ratingValue', { rating })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reason')}
        <input type="text" value={row.reason} maxLength={2000} onChange={(e) => onChange({ reason: e.target.value })} />
      </label>
    </fieldset>
  );
}

/** The overall recommendation, or not decided yet. */
function RecommendationSelect({ value, onChange }: { value: Recommendation | null; onChange(value: Recommendation | null): void }) {
  const t = useMessages(deskNotesMessages);
  return (
    <label>
      {t('recommendation')}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as Recommendation))}>
        <option value="">{t('undecided')}</option>
        {recommendations.map((r) => (
          <option key={r} value={r}>
            {t(RECOMMENDATION_KEYS[r])}
          </option>
        ))}
      </select>
    </label>
  );
}
