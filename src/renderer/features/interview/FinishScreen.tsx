import { formatBytes, formatDuration } from '../../../shared/format';
import type { InterviewResult } from './use-recorded-interview';

export function FinishScreen({ result, onClose }: { result: InterviewResult; onClose(): void }) {
  return (
    <section className="card flow" aria-labelledby="finish-title">
      <h1 id="finish-title">{result.stoppedBecause ? 'The recording stopped early' : 'Thank you — your interview is recorded'}</h1>
      {result.stoppedBecause && (
        <p className="banner banner-error" role="alert">
          {result.stoppedBecause}
        </p>
      )}
      <p>
        {result.chunks > 0
          ? `Saved on this computer: ${formatDuration(result.durationMs)} of video, ${formatBytes(result.bytes)}, every second of it written to disk.`
          : 'Nothing was recorded.'}
      </p>
      <p className="summary-ok">It is safe to close this window.</p>
      {result.recordingId && <p className="muted">Recording reference: {result.recordingId}</p>}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          Back to the start
        </button>
      </div>
    </section>
  );
}
