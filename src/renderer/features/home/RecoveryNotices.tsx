import { useCallback, useEffect } from 'react';
import { api } from '../../api';
import { Banner } from '../../components/Banner';
import { useAsync } from '../../hooks/use-async';
import { useMessages } from '../../i18n/locale-context';
import { homeMessages } from './home-messages';

/** "Recovered interview from …": what start-up recovery did after a crash or a quit while recording. */
export function RecoveryNotices() {
  const t = useMessages(homeMessages);
  const [notices, reload] = useAsync(useCallback(() => api.getRecoveryNotices(), []));
  useEffect(() => api.on('recordingsChanged', reload), [reload]);
  if (notices.status !== 'ready' || notices.value.length === 0) return null;
  return (
    <>
      {notices.value.map((n) => (
        <Banner
          key={n.recordingId}
          tone={n.outcome === 'finalized' ? 'info' : 'error'}
          title={t('recoveredTitle', { when: new Date(n.startedAt) })}
        >
          <p>
            {t(n.crashed ? 'recoveredCrashed' : 'recoveredClosed', { title: n.interviewTitle })}{' '}
            {n.outcome === 'finalized' ? t('recoveredSaved') : n.message}
          </p>
        </Banner>
      ))}
    </>
  );
}
