import type { UploadProgress } from '../../../shared/domain/upload';
import { formatBytes, formatDuration } from '../../../shared/format';
import { useUpload } from './use-upload';

const ACTIVE = new Set<UploadProgress['state']>(['streaming', 'uploading', 'offline', 'retrying']);

function headline(p: UploadProgress): string {
  switch (p.state) {
    case 'streaming':
      return 'Uploading while recording';
    case 'uploading':
      return 'Uploading';
    case 'offline':
      return 'Offline — the upload continues when the network is back';
    case 'retrying':
      return 'The storage server had a problem — retrying';
    default:
      return 'Upload';
  }
}

function details(p: UploadProgress): string {
  const parts = [`${formatBytes(p.bytesSent)} of ${formatBytes(p.bytesTotal)}`];
  if (p.bytesPerSecond) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  if (p.etaSeconds !== null) parts.push(`about ${formatDuration(p.etaSeconds * 1000)} left`);
  return parts.join(' · ');
}

/** Upload progress with speed and ETA, cancel and retry; `compact` for a row of the recordings list. */
export function UploadStatus({ recordingId, compact = false }: { recordingId: string; compact?: boolean }) {
  const { progress: p, actionError, retry, cancel } = useUpload(recordingId);
  if (!p) return null;
  const fraction = p.bytesTotal ? p.bytesSent / p.bytesTotal : 0;
  const label = `${headline(p)}: ${details(p)}`;
  return (
    <div className={compact ? 'upload upload-compact' : 'upload'} aria-live="polite">
      {ACTIVE.has(p.state) && (
        <>
          {!compact && <p className="upload-label">{label}</p>}
          <progress max={1} value={fraction} aria-label={label} title={label} />
          {p.message && !compact && <p className="muted">{p.message}</p>}
          <button type="button" className="button-secondary" onClick={cancel}>
            Cancel upload
          </button>
        </>
      )}
      {p.state === 'uploaded' && (
        <p className="summary-ok">{compact ? 'Uploaded' : `Uploaded and verified: s3://${p.bucket}/${p.key}. You can close the app.`}</p>
      )}
      {(p.state === 'failed' || p.state === 'cancelled') && (
        <div className={compact ? '' : 'banner banner-error'} role="status">
          {!compact && <strong>{p.state === 'failed' ? 'The upload stopped.' : 'The upload was cancelled.'}</strong>}
          {p.message && !compact && <p>{p.message}</p>}
          <button type="button" className={compact ? 'button-secondary' : undefined} onClick={retry}>
            {p.state === 'failed' ? 'Retry upload' : 'Upload again'}
          </button>
        </div>
      )}
      {p.state === 'waiting' && !compact && <p className="muted">The upload starts as soon as the video file is finished.</p>}
      {p.state === 'not-configured' && !compact && <p className="muted">{p.message}</p>}
      {actionError && <p role="alert">{actionError}</p>}
    </div>
  );
}
