import { formatBytes, formatDuration } from '../../../shared/format';
import { FinalizeStatus } from '../library/FinalizeStatus';
import { UploadStatus } from '../library/UploadStatus';
import { CloudStatus } from './CloudStatus';
import type { InterviewResult } from './use-recorded-interview';

export function FinishScreen({ interviewId, result, onClose }: { interviewId: string; result: InterviewResult; onClose(): void }) {
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
      {result.recordingId && result.chunks > 0 && (
        <>
          <FinalizeStatus recordingId={result.recordingId} />
          <UploadStatus recordingId={result.recordingId} />
        </>
      )}
      <CloudStatus interviewId={interviewId} showLinks />
      <p className="muted">
        It is safe to close this window at any time: what is recorded is already on disk, and an unfinished video file or upload resumes the
        next time the app opens.
      </p>
      {result.recordingId && <p className="muted">Recording reference: {result.recordingId}</p>}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          Back to the start
        </button>
      </div>
    </section>
  );
}
