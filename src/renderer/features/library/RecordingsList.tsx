import { useCallback, useEffect, useState } from 'react';
import type { FinalizeProgress } from '../../../shared/domain/recording';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { formatBytes, formatDuration } from '../../../shared/format';
import { UploadStatus } from './UploadStatus';

export function RecordingsList() {
  const [recordings, reload] = useAsync(useCallback(() => api.listRecordings({ limit: 50 }), []));
  const [progress, setProgress] = useState<Record<string, FinalizeProgress>>({});
  useEffect(() => api.on('recordingsChanged', reload), [reload]);
  useEffect(() => api.on('finalizeProgress', (p) => setProgress((all) => ({ ...all, [p.recordingId]: p }))), []);
  const [actionError, setActionError] = useState<string | null>(null);
  const finish = (recordingId: string) =>
    api.finalizeRecording({ recordingId }).then(
      () => setActionError(null),
      (error: Error) => setActionError(error.message),
    );
  return (
    <section className="card" aria-labelledby="recordings-title" aria-busy={recordings.status === 'loading'}>
      <div className="card-head">
        <h2 id="recordings-title">Recordings</h2>
      </div>
      {recordings.status === 'loading' && <p className="muted">Loading…</p>}
      {recordings.status === 'error' && <p role="alert">Recordings could not be listed: {recordings.message}</p>}
      {actionError && <p role="alert">{actionError}</p>}
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
              {r.state === 'failed' && r.error && <span className="row-error">{r.error}</span>}
              {r.state === 'finalizing' && progress[r.id] && (
                <progress className="row-progress" max={1} value={progress[r.id]!.fraction} aria-label={`Finishing ${r.interviewTitle}`} />
              )}
              {(r.state === 'stopped' || r.state === 'failed') && (
                <button type="button" className="button-secondary row-action" onClick={() => void finish(r.id)}>
                  Finish video file
                </button>
              )}
              {(r.state === 'finalized' || r.state === 'uploaded') && <UploadStatus recordingId={r.id} compact />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
