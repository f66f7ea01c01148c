import type { Core } from '../../core/create-core';
import type { RecoveryReport } from '../../core/services/recovery/recover-interrupted';
import type { RecordingDetail } from '../../shared/domain/recording';
import { formatBytes, formatDuration } from '../../shared/format';
import type { Output } from '../output';
import { createProgressBar } from '../progress-bar';
import { UsageError } from '../usage-error';

export function describeOutputs(detail: RecordingDetail): string {
  return detail.outputs
    .map(
      (o) =>
        `${o.filePath}\n  duration ${formatDuration(o.durationMs)} (${(o.durationMs / 1000).toFixed(2)} s), ${formatBytes(o.size)}, sha256 ${o.sha256}`,
    )
    .join('\n');
}

/**
 * `irec merge <id>`: finalize one recording now, with a progress bar; Ctrl+C cancels cleanly. Why it could not
 * (no such recording, no ffmpeg, no space, cancelled) reaches irec as an AppError and becomes its exit code.
 */
export async function mergeCommand(core: Core, out: Output, recordingId: string | undefined): Promise<number> {
  if (!recordingId) throw new UsageError('merge needs a recording id: irec merge <recording-id>');
  const bar = createProgressBar(!out.json);
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  let detail: RecordingDetail;
  try {
    detail = await core.finalize(recordingId, { signal: abort.signal, onProgress: bar.update });
  } finally {
    bar.done();
    process.off('SIGINT', onInterrupt);
  }
  out.result(detail, () => `Finalized ${detail.id}:\n${describeOutputs(detail)}`);
  return 0;
}

/** One line (or block) of `irec recover`'s text output. */
function describeReport(report: RecoveryReport): string {
  if (report.outcome === 'skipped') {
    const { pid, runtime, startedAt } = report.owner;
    return (
      `… ${report.recordingId} (${report.interviewTitle}, from ${report.startedAt}) left alone: process ${pid} (${runtime}, started at ${startedAt}) ` +
      'still holds it — it is recording or finalizing it now. If that process has hung, end it and run irec recover again.'
    );
  }
  if (report.outcome === 'paused') {
    return (
      `⏸ ${report.recordingId} (${report.interviewTitle}, from ${report.startedAt}) was interrupted mid-interview and is paused, ` +
      'waiting for the candidate to continue or submit it in the app. To send it as it is: irec recover --submit-paused'
    );
  }
  if (report.outcome === 'finalized' && report.recording) {
    return `✓ ${report.message} (${report.recordingId}${report.crashed ? ', after a crash' : ''})\n${describeOutputs(report.recording)}`;
  }
  return `✗ ${report.recordingId}: ${report.message}`;
}

/**
 * `irec recover`: what the app does at start-up — pause interrupted interviews for the candidate and finalize
 * unfinished recordings; `--submit-paused` submits paused interviews and finalizes them too. Recordings a live
 * process still holds are listed with that process; leaving them alone, or paused, is not a failure.
 */
export async function recoverCommand(core: Core, out: Output, options: { submitPaused?: boolean } = {}): Promise<number> {
  const bar = createProgressBar(!out.json);
  const unsubscribe = core.events.subscribe((event, payload) => event === 'finalizeProgress' && bar.update(payload as never));
  try {
    const reports = await core.recover({ submitPaused: options.submitPaused });
    bar.done();
    out.result(reports, () =>
      reports.length === 0 ? 'Nothing to recover: every recording is finalized.' : reports.map(describeReport).join('\n'),
    );
    return reports.some((r) => r.outcome === 'failed') ? 1 : 0;
  } finally {
    unsubscribe();
  }
}
