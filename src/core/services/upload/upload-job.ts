import { AbortMultipartUploadCommand } from '@aws-sdk/client-s3';
import { restartUploadJob, updateUploadJob, type UploadJob } from '../catalog/queries/uploads';
import type { S3Target } from './s3-target';
import { allConfirmed, completeUpload, createUpload, verifyExisting, verifyUploaded } from './upload-completion';
import { UploadFatalError, UploadGoneError } from './upload-errors';
import { callS3, createJobRun, type JobRun, type JobRunDeps } from './upload-job-run';
import { reconcileWithServer, sendAllParts } from './upload-parts';

export type { JobRunDeps, SourceExtent } from './upload-job-run';

/** New multipart uploads a job may start after the one it had vanished or went wrong, before it fails. */
const MAX_RESTARTS = 3;

/**
 * Runs one upload job to a verified object, resuming from the catalog: confirmed parts are never sent again,
 * pending ones are. Errors the network or S3 may outgrow are retried per part with backoff (forever while offline);
 * an upload id that vanished starts a new multipart upload; anything a person must fix fails the job with
 * `UploadFatalError`. Aborting `signal` leaves the job resumable.
 */
export async function runUploadJob(deps: JobRunDeps, jobId: string): Promise<UploadJob> {
  const run = createJobRun(deps, jobId);
  updateUploadJob(run.db, jobId, { state: 'uploading' }, run.stamp());
  deps.onChange(run.job());
  for (let restarts = 0; ; restarts++) {
    try {
      return await uploadOnce(run, restarts === 0);
    } catch (error) {
      if (!(error instanceof UploadGoneError)) return stopped(run, error);
      if (restarts + 1 >= MAX_RESTARTS) throw failJob(run, new UploadFatalError(error.message));
      await abandonUpload(run.target, run.job());
      restartUploadJob(run.db, jobId, null, run.stamp());
    }
  }
}

/** One multipart upload from its start (or where the catalog left it) to a verified object. */
async function uploadOnce(run: JobRun, firstInThisRun: boolean): Promise<UploadJob> {
  if (!run.job().uploadId) await createUpload(run);
  else if (firstInThisRun) {
    // Resuming after a restart: a completion that was acknowledged but not recorded must not upload it all again.
    if ((await allConfirmed(run)) && (await verifyExisting(run))) return finish(run);
    await callS3(run, () => reconcileWithServer(run));
  }
  await sendAllParts(run);
  await completeUpload(run).catch(async (error: unknown) => {
    if (!(await verifyExisting(run))) throw error;
  });
  if (run.job().state === 'done' || (await verifyUploaded(run))) return finish(run);
  throw new UploadGoneError(`${run.job().objectKey} in the bucket does not match the local file: ${run.job().lastError}`);
}

/** Any failure but a lost upload: a cancel leaves the job resumable, anything else fails it for a person to act. */
function stopped(run: JobRun, error: unknown): UploadJob {
  if (run.signal.aborted) throw run.signal.reason;
  if (run.job().state === 'done') return finish(run); // another process finished it meanwhile
  const message = (error as Error).message;
  throw failJob(run, error instanceof UploadFatalError ? error : new UploadFatalError(message), run.job().attempts + 1);
}

function failJob(run: JobRun, error: UploadFatalError, attempts?: number): UploadFatalError {
  updateUploadJob(run.db, run.jobId, { state: 'failed', lastError: error.message, ...(attempts ? { attempts } : {}) }, run.stamp());
  run.deps.onChange(run.job());
  return error;
}

function finish(run: JobRun): UploadJob {
  const done = run.job();
  run.deps.onChange(done);
  return done;
}

/** Best effort: frees the parts of an upload that will not be completed (not every store supports it). */
export async function abandonUpload(target: S3Target, job: UploadJob): Promise<void> {
  if (!job.uploadId) return;
  await target.client
    .send(new AbortMultipartUploadCommand({ Bucket: target.bucket, Key: job.objectKey, UploadId: job.uploadId }))
    .catch(() => undefined);
}
