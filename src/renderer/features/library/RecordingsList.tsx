import { useCallback, useEffect } from 'react';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { formatBytes, formatDuration } from '../../../shared/format';

export function RecordingsList() {
  const [recordings, reload] = useAsync(useCallback(() => api.listRecordings({ limit: 50 }), []));
  useEffect(() => api.on('recordingsChanged', reload), [reload]);
  return (
    <section className="card" aria-labelledby="recordings-title" aria-busy={recordings.status === 'loading'}>
      <div className="card-head">
        <h2 id="recordings-title">Recordings</h2>
      </div>
      {recordings.status === 'loading' && <p className="muted">Loading…</p>}
      {recordings.status === 'error' && <p role="alert">Recordings could not be listed: {recordings.message}</p>}
      {recordings.status === 'ready' && recordings.value.length === 0 && (
        <div className="empty">
          <p className="empty-title">No recordings yet</p>
          <p className="muted">When you finish an interview it appears here, with its upload progress.</p>
        </div>
      )}
      {recordings.status === 'ready' && recordings.value.length > 0 && (
        <ul className="recordings">
          {recordings.value.map((r) => (
            <li key={r.id}>
              <span className="recording-title">{r.interviewTitle}</span>
              <span className="muted">
                {[
                  new Date(r.startedAt).toLocaleString(),
                  r.durationMs === null ? null : formatDuration(r.durationMs),
                  formatBytes(r.sizeBytes),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className={`state state-${r.state}`}>{r.state}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
