import { useCallback, useEffect, useState } from 'react';
import { formatDuration } from '../../../shared/format';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { useMessages } from '../../i18n/locale-context';
import { resumeMessages } from './resume-messages';

/** A paused interview and where it continues: what `getResumableInterview` answers when one waits. */
export type ResumableInterview = NonNullable<Awaited<ReturnType<typeof api.getResumableInterview>>>;

/**
 * "Your interview was interrupted": continue at the question it stopped on, or submit what was recorded. Nothing
 * interrupted is sent unless the candidate says so here. Asked again whenever the recordings change.
 */
export function ResumeOffer({ onContinue }: { onContinue(resumable: ResumableInterview): void }) {
  const t = useMessages(resumeMessages);
  const [offer, reload] = useAsync(useCallback(() => api.getResumableInterview(), []));
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => api.on('recordingsChanged', reload), [reload]);
  if (offer.status !== 'ready' || !offer.value) return null;
  const resumable = offer.value;
  const submit = () => {
    setSubmitting(true);
    setFailure(null);
    api
      .submitPausedRecording({ recordingId: resumable.recordingId })
      .catch((error: Error) => setFailure(error.message))
      .finally(() => setSubmitting(false));
  };
  return (
    <section className="card resume-offer" aria-labelledby="resume-offer-title">
      <h2 id="resume-offer-title">{t('title', { title: resumable.title })}</h2>
      <p>{t('kept', { duration: formatDuration(resumable.recordedMs) })}</p>
      {resumable.reason && <p className="muted">{t(resumable.reason === 'all-answered' ? 'allAnswered' : 'scriptChanged')}</p>}
      <div className="resume-offer-actions">
        {resumable.canContinue && (
          <button type="button" className="button-primary" disabled={submitting} onClick={() => onContinue(resumable)}>
            {t('continueAt', { question: resumable.questionIndex + 1 })}
          </button>
        )}
        <button
          type="button"
          className={resumable.canContinue ? 'button-secondary' : 'button-primary'}
          disabled={submitting}
          onClick={submit}
        >
          {submitting ? t('submitting') : t('submit')}
        </button>
      </div>
      {failure && <p role="alert">{t('submitFailed', { message: failure })}</p>}
    </section>
  );
}
