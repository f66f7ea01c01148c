import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand } from '@aws-sdk/client-s3';
import { listParts, restartUploadJob, updateUploadJob } from '../catalog/queries/uploads';
import { createOrderedMd5 } from './part-bytes';
import { UploadFatalError } from './upload-errors';
import { callS3, fileMd5, type JobRun } from './upload-job-run';
import { ObjectMismatchError, verifyObject } from './verify-object';

/** Starts a new multipart upload for the job (its parts and digest start over). */
export async function createUpload(run: JobRun): Promise<void> {
  const current = run.job();
  const created = await callS3(run, () =>
    run.send(
      new CreateMultipartUploadCommand({
        Bucket: run.target.bucket,
        Key: current.objectKey,
        ContentType: current.contentType,
        Metadata: { 'irec-job': current.id, ...(current.recordingId ? { 'irec-recording': current.recordingId } : {}) },
        ...run.target.sse,
      }),
    ),
  );
  if (!created.UploadId) throw new UploadFatalError('S3 started a multipart upload without an upload id.');
  restartUploadJob(run.db, run.jobId, created.UploadId, run.stamp());
  run.objectMd5 = createOrderedMd5(2 * run.target.settings.concurrency);
}

export async function completeUpload(run: JobRun): Promise<void> {
  const { uploadId, objectKey } = run.job();
  const parts = listParts(run.db, run.jobId).map((part) => ({ PartNumber: part.partNumber, ETag: part.etag! }));
  const done = await callS3(run, () =>
    run.send(
      new CompleteMultipartUploadCommand({
        Bucket: run.target.bucket,
        Key: objectKey,
        UploadId: uploadId!,
        MultipartUpload: { Parts: parts },
      }),
    ),
  );
  // S3 can answer 200 with an error in the body; the SDK turns that into an exception, and a body without
  // the object's ETag is not taken as success either.
  if (!done.ETag) throw new Error('S3 completed the upload without returning the object ETag.');
}

/**
 * True when the bucket holds exactly the local file (the job is then done); false when it holds nothing or
 * something else. `probing`: only asking whether an earlier run already completed it, where a 403 (HEAD of a
 * missing key without s3:ListBucket) means "no" rather than a fatal error.
 */
export async function verifyUploaded(run: JobRun, probing = false): Promise<boolean> {
  const current = run.job();
  const partMd5s = listParts(run.db, run.jobId).map((part) => part.md5!);
  const absent = (error: unknown) => {
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return name === 'NotFound' || (probing && $metadata?.httpStatusCode === 403);
  };
  const object = { key: current.objectKey, size: current.size!, partMd5s, fileMd5: () => fileMd5(run) };
  const outcome = await callS3(run, () =>
    verifyObject(run.target, object, run.signal).catch((error: unknown) => {
      if (error instanceof ObjectMismatchError || absent(error)) return error as Error;
      throw error;
    }),
  );
  const stamp = run.stamp();
  if (outcome instanceof Error) {
    updateUploadJob(run.db, run.jobId, { lastError: outcome.message }, stamp);
    return false;
  }
  updateUploadJob(run.db, run.jobId, { state: 'done', etag: outcome.etag, completedAt: stamp, lastError: null }, stamp);
  return true;
}

/** Whether an earlier run already put the whole object in the bucket (its size is settled first, when it can be). */
export async function verifyExisting(run: JobRun): Promise<boolean> {
  if (run.job().size === null) {
    const extent = await run.deps.extent(run.job());
    if (!extent.complete) return false;
    updateUploadJob(run.db, run.jobId, { size: extent.available }, run.stamp());
  }
  return verifyUploaded(run, true);
}

/** Every part of the complete source is confirmed: only the completion may be missing. */
export async function allConfirmed(run: JobRun): Promise<boolean> {
  const extent = await run.deps.extent(run.job());
  const parts = listParts(run.db, run.jobId);
  const last = parts.at(-1);
  return (
    extent.complete &&
    last !== undefined &&
    parts.every((part) => part.state === 'confirmed') &&
    last.offset + last.size === extent.available
  );
}
