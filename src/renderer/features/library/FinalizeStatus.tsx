import { deliveredAsRecorded } from '../../../shared/domain/recording';
import { formatBytes, formatDuration } from '../../../shared/format';
import { useFinalize } from './use-finalize';

const RUNNING = new Set(['queued', 'remuxing', 'verifying']);
const STAGE_TEXT: Record<string, string> = {
  queued: 'Waiting to finish the video file…',
  remuxing: 'Finishing the video file…',
  verifying: 'Checking the finished file…',
};

/** Finalize progress bar with cancel, the verified result, or the reason it stopped with a retry. */
export function FinalizeStatus({ recordingId }: { recordingId: string }) {
  const { recording, progress, actionError, retry, cancel } = useFinalize(recordingId);
  // Uploaded recordings are finalized ones whose upload is verified: the video file is just as ready.
  const finished = recording?.state === 'finalized' || recording?.state === 'uploaded';
  const running = progress !== null && RUNNING.has(progress.stage) && !finished;
  const output = recording?.outputs[0];
  const asRecorded = recording !== null && deliveredAsRecorded(recording);
  return (
    <div className="finalize" aria-live="polite">
      {running && (
        <>
          <label className="finalize-label" htmlFor={`finalize-${recordingId}`}>
            {STAGE_TEXT[progress.stage]} {Math.round(progress.fraction * 100)}%
          </label>
          <progress id={`finalize-${recordingId}`} max={1} value={progress.fraction} />
          <div className="actions">
            <button type="button" className="button-secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {!running && finished && output && !asRecorded && (
        <p className="summary-ok">
          Video file ready and verified: {formatDuration(output.durationMs)}, {formatBytes(output.size)}
          {recording.outputs.length > 1 ? ` (in ${recording.outputs.length} parts)` : ''}.
          <br />
          <span className="muted file-path">{output.filePath}</span>
        </p>
      )}
      {!running && finished && asRecorded && (
        <p className="summary-ok">
          Your recording is complete and will be sent as recorded ({recording.outputs.length} file
          {recording.outputs.length > 1 ? 's' : ''}, {formatDuration(recording.outputs.reduce((sum, o) => sum + o.durationMs, 0))}).
          <br />
          <span className="muted">{recording.error}</span>
        </p>
      )}
      {!running && recording && (recording.state === 'stopped' || recording.state === 'failed') && (
        <div className={recording.state === 'failed' ? 'banner banner-error' : 'banner banner-warning'} role="status">
          <strong>The video file is not finished yet.</strong>
          {recording.error && <p>{recording.error}</p>}
          <p>Everything recorded is kept on this computer.</p>
          <div className="actions">
            <button type="button" onClick={retry}>
              Finish the video file
            </button>
          </div>
        </div>
      )}
      {actionError && <p role="alert">{actionError}</p>}
    </div>
  );
}
