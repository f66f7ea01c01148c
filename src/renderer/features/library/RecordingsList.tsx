import { useCallback, useEffect } from 'react';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { useMessages } from '../../i18n/locale-context';
import { outcomeMessages } from './outcome-messages';
import { RecordingRow } from './RecordingRow';

/**
 * The recordings on this computer, newest first, each with its outcome (Submitted, Sending…, Needs attention…) and,
 * given `onReview`, a way to play its interview's recordings back.
 */
export function RecordingsList({ onReview }: { onReview?: (interviewId: string) => void }) {
  const t = useMessages(outcomeMessages);
  const [recordings, reload] = useAsync(useCallback(() => api.listRecordings({ limit: 50 }), []));
  useEffect(() => api.on('recordingsChanged', reload), [reload]);
  return (
    <section className="card" aria-labelledby="recordings-title" aria-busy={recordings.status === 'loading'}>
      <div className="card-head">
        <h2 id="recordings-title">{t('recordings')}</h2>
      </div>
      {recordings.status === 'loading' && <p className="muted">{t('loading')}</p>}
      {recordings.status === 'error' && <p role="alert">{t('listFailed', { message: recordings.message })}</p>}
      {recordings.status === 'ready' && recordings.value.length === 0 && (
        <div className="empty">
          <p className="empty-title">{t('noRecordings')}</p>
          <p className="muted">{t('noRecordingsHint')}</p>
        </div>
      )}
      {recordings.status === 'ready' && recordings.value.length > 0 && (
        <ul className="recordings">
          {recordings.value.map((r) => (
            <RecordingRow key={r.id} summary={r} onReview={onReview} />
          ))}
        </ul>
      )}
    </section>
  );
}
