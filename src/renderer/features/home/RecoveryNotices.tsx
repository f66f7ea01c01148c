import { useCallback, useEffect } from 'react';
import { api } from '../../api';
import { Banner } from '../../components/Banner';
import { useAsync } from '../../hooks/use-async';

/** "Recovered interview from …": what start-up recovery did after a crash or a quit while recording. */
export function RecoveryNotices() {
  const [notices, reload] = useAsync(useCallback(() => api.getRecoveryNotices(), []));
  useEffect(() => api.on('recordingsChanged', reload), [reload]);
  if (notices.status !== 'ready' || notices.value.length === 0) return null;
  return (
    <>
      {notices.value.map((n) => (
        <Banner
          key={n.recordingId}
          tone={n.outcome === 'finalized' ? 'info' : 'error'}
          title={`Recovered interview from ${new Date(n.startedAt).toLocaleString()}`}
        >
          <p>
            {n.interviewTitle}: {n.crashed ? 'the app stopped unexpectedly while recording' : 'the app was closed while recording'}.{' '}
            {n.outcome === 'finalized' ? 'Everything up to the last second was saved and the video file is ready.' : n.message}
          </p>
        </Banner>
      ))}
    </>
  );
}
