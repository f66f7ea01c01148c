import type { Core } from '../../core/create-core';
import { AppError } from '../../core/errors/app-error';
import type { UploadService } from '../../core/services/upload/upload-service';
import type { UploadJobSummary, UploadProgress } from '../../shared/domain/upload';
import { formatBytes } from '../../shared/format';
import type { Output } from '../output';
import { createProgressBar } from '../progress-bar';
import { wholeNumber } from '../number-option';
import { UsageError } from '../usage-error';

/** The upload service once S3 is configured; without a catalog, reading `configured` says why there is none. */
function configuredUploads(core: Core): UploadService {
  if (!core.uploads.configured) throw new AppError('NOT_CONFIGURED', core.uploads.notConfiguredReason);
  return core.uploads;
}

const describeRecording = (p: UploadProgress) =>
  p.state === 'uploaded'
    ? `✓ ${p.recordingId} uploaded and verified: s3://${p.bucket}/${p.key} (${formatBytes(p.bytesSent)})`
    : `✗ ${p.recordingId}: ${p.state}${p.message ? ` — ${p.message}` : ''}`;

const describeJob = (job: UploadJobSummary) =>
  job.state === 'done'
    ? `✓ ${job.sourcePath} → s3://${job.bucket}/${job.key} (${formatBytes(job.size)}, verified)`
    : `✗ ${job.sourcePath} → s3://${job.bucket}/${job.key}: ${job.state}${job.lastError ? ` — ${job.lastError}` : ''}`;

/** Runs an upload with a progress bar; Ctrl+C stops it where it stands (a re-run resumes). */
async function withProgress<T>(core: Core, out: Output, run: (bar: ReturnType<typeof createProgressBar>) => Promise<T>): Promise<T> {
  const bar = createProgressBar(!out.json);
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (event !== 'uploadProgress') return;
    const progress = payload as UploadProgress;
    bar.transfer(progress.recordingId, progress);
  });
  const interrupt = () => void core.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  try {
    return await run(bar);
  } finally {
    bar.done();
    unsubscribe();
    process.off('SIGINT', interrupt);
  }
}

/**
 * `irec upload <id>` | `--pending` | `--file <path> [--key <key>]`: through the same resumable queue as the app.
 * Safe to kill at any moment: running it again resumes from the last confirmed part.
 */
export async function uploadCommand(
  core: Core,
  out: Output,
  options: { recordingId?: string; pending?: boolean; file?: string; key?: string },
): Promise<number> {
  const chosen = [options.recordingId, options.pending, options.file].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('upload needs exactly one of: <recording-id>, --pending, --file <path>');
  if (options.key && !options.file) throw new UsageError('--key goes with --file');
  const uploads = configuredUploads(core);
  try {
    if (options.file) {
      const job = await withProgress(core, out, (bar) =>
        uploads.uploadFile(options.file!, options.key, (progress) =>
          bar.bytes(progress.key, progress.bytesSent, progress.size ?? 0, progress.state),
        ),
      );
      out.result(job, () => describeJob(job));
      return job.state === 'done' ? 0 : 1;
    }
    if (options.recordingId) {
      const progress = await withProgress(core, out, () => uploads.uploadRecording(options.recordingId!));
      out.result(progress, () => describeRecording(progress));
      return progress.state === 'uploaded' ? 0 : 1;
    }
    const result = await withProgress(core, out, () => uploads.resumePending());
    out.result(result, () =>
      result.recordings.length + result.files.length === 0
        ? 'Nothing to upload: every finalized recording is uploaded.'
        : [...result.recordings.map(describeRecording), ...result.files.map(describeJob)].join('\n'),
    );
    return result.failures.length === 0 ? 0 : 1;
  } catch (error) {
    out.error(`irec upload: ${(error as Error).message}`);
    return 1;
  }
}

/** `irec uploads list`: every upload job, newest first, with how far it got. */
export function uploadsListCommand(core: Core, out: Output, sub: string | undefined, limit?: string): number {
  if (sub !== 'list') throw new UsageError('Usage: irec uploads list [--limit <n>] [--json]');
  const count = limit === undefined ? 100 : wholeNumber('limit', limit, 1);
  const jobs = configuredUploads(core).jobs(count);
  out.result(jobs, () =>
    jobs.length === 0
      ? 'No uploads yet.'
      : jobs
          .map(
            (job) =>
              `${job.state.padEnd(9)} ${job.kind.padEnd(8)} ${formatBytes(job.bytesSent).padStart(9)} of ${formatBytes(job.size).padEnd(9)} ` +
              `parts ${job.partsConfirmed}/${job.partsPlanned}  s3://${job.bucket}/${job.key}${job.lastError ? `\n          ${job.lastError}` : ''}`,
          )
          .join('\n'),
  );
  return 0;
}
