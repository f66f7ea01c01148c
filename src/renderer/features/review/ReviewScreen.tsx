import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { BackHeading } from '../../components/BackHeading';
import { useMessages } from '../../i18n/locale-context';
import { RecordingPicker } from './RecordingPicker';
import { reviewMessages } from './review-messages';
import { ReviewPlayer } from './ReviewPlayer';
import { useReviewList } from './use-review-list';
import './review.css';

/**
 * Playing back an interview's recordings: its local backup and its cloud recordings, with its questions and the
 * interviewer's notes as chapters. Mounted by the interviewer's desk and by the recordings list.
 */
export function ReviewScreen({ interviewId, onBack }: { interviewId: string; onBack(): void }) {
  const t = useMessages(reviewMessages);
  const { list, nextRefreshMs, refresh } = useReviewList(interviewId);
  const [chosen, setChosen] = useState<string | null>(null);
  const recordings = list.status === 'ready' ? list.value.recordings : [];
  const selected = recordings.find((r) => r.ref === chosen && r.status === 'ready') ?? recordings.find((r) => r.status === 'ready') ?? null;
  return (
    <section className="review" aria-labelledby="review-title" aria-busy={list.status === 'loading'}>
      <BackHeading className="review-head" headingId="review-title" heading={t('heading')} backLabel={t('back')} onBack={onBack}>
        <button type="button" className="button-secondary" onClick={refresh}>
          {t('refresh')}
        </button>
      </BackHeading>
      <p className="muted">{interviewId}</p>
      {list.status === 'loading' && <p className="muted">{t('loading')}</p>}
      {list.status === 'error' && (
        <Banner tone="error" title={t('loadFailed', { reason: list.message })}>
          <button type="button" className="button-secondary" onClick={refresh}>
            {t('refresh')}
          </button>
        </Banner>
      )}
      {list.status === 'ready' && list.value.problems.length > 0 && (
        <Banner tone="warning" title={t('problems')}>
          <ul>
            {list.value.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Banner>
      )}
      {list.status === 'ready' && recordings.length === 0 && <p>{t('none')}</p>}
      {recordings.length > 0 && (
        <div className="review-body">
          <div className="review-side">
            <h2>{t('recordings')}</h2>
            <RecordingPicker recordings={recordings} selected={selected?.ref ?? null} nextRefreshMs={nextRefreshMs} onSelect={setChosen} />
          </div>
          {selected ? (
            <ReviewPlayer key={selected.ref} interviewId={interviewId} recording={selected} onRefresh={refresh} />
          ) : (
            <p className="muted">{t('choose')}</p>
          )}
        </div>
      )}
    </section>
  );
}
