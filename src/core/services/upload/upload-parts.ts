import { ListPartsCommand, UploadPartCommand, type Part } from '@aws-sdk/client-s3';
import { backoffDelayMs } from '../../../shared/async/backoff';
import { sleep } from '../../../shared/async/sleep';
import {
  confirmPart,
  failPartAttempt,
  insertPart,
  listParts,
  setPartMd5,
  unconfirmPart,
  updateUploadJob,
  type UploadPart,
} from '../catalog/queries/uploads';
import { etagMatchesMd5, md5Base64, readRange } from './part-bytes';
import { nextParts } from './part-plan';
import { classifyS3Error } from './s3-errors';
import { UploadFatalError, UploadGoneError } from './upload-errors';
import { noteFailure, type JobRun, type SourceExtent } from './upload-job-run';

/** Where the server keeps its own list of parts, it wins: lost parts go again, parts it has are not re-sent. */
export async function reconcileWithServer(run: JobRun): Promise<void> {
  const server = await serverParts(run);
  if (!server) return;
  for (const part of listParts(run.db, run.jobId)) {
    const held = server.get(part.partNumber);
    const intact = held?.Size === part.size && held.ETag !== undefined && part.md5 !== null && etagMatchesMd5(held.ETag, part.md5);
    if (part.state === 'confirmed' && !held) unconfirmPart(run.db, run.jobId, part.partNumber);
    else if (part.state === 'pending' && intact) confirmPart(run.db, run.jobId, part.partNumber, held.ETag!, run.stamp());
  }
}

/** The parts the server holds, by number; null when this store cannot list parts (the catalog is then the record). */
async function serverParts(run: JobRun): Promise<Map<number, Part> | null> {
  const { uploadId, objectKey } = run.job();
  const server = new Map<number, Part>();
  let marker: string | undefined;
  try {
    do {
      const page = await run.send(
        new ListPartsCommand({ Bucket: run.target.bucket, Key: objectKey, UploadId: uploadId!, PartNumberMarker: marker }),
      );
      for (const part of page.Parts ?? []) server.set(part.PartNumber!, part);
      marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
    } while (marker);
    return server;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 405 || status === 501) return null;
    if (classifyS3Error(error, run.s3).kind === 'upload-gone') throw new UploadGoneError('The multipart upload is gone from the bucket.');
    throw error;
  }
}

/** Adds the parts the source now allows (one empty part for an empty complete source). */
function planParts(run: JobRun, extent: SourceExtent): void {
  const planned = listParts(run.db, run.jobId);
  const last = planned[planned.length - 1];
  const fresh = nextParts({
    plannedEnd: last ? last.offset + last.size : 0,
    plannedCount: planned.length,
    available: extent.available,
    partSize: run.job().partSize,
    complete: extent.complete,
  });
  if (extent.complete && extent.available === 0 && planned.length === 0) fresh.push({ partNumber: 1, offset: 0, size: 0 });
  for (const part of fresh) insertPart(run.db, run.jobId, part);
}

/** Reads, checks and sends one part, and confirms it in the catalog. */
async function sendPartOnce(run: JobRun, part: UploadPart): Promise<void> {
  const { sourcePath, sourceOffset } = run.job();
  const bytes = part.size ? await readRange(sourcePath, sourceOffset + part.offset, part.size) : Buffer.alloc(0);
  const md5 = md5Base64(bytes);
  if (part.md5 === null) setPartMd5(run.db, run.jobId, part.partNumber, md5);
  else if (md5 !== part.md5) throw new UploadGoneError(`${sourcePath} changed after part ${part.partNumber} was first sent.`);
  run.objectMd5.add(part.offset, bytes);
  const { uploadId, objectKey } = run.job();
  const answer = await run.send(
    new UploadPartCommand({
      Bucket: run.target.bucket,
      Key: objectKey,
      UploadId: uploadId!,
      PartNumber: part.partNumber,
      Body: bytes,
      ContentMD5: md5,
    }),
  );
  if (!answer.ETag) throw new Error(`S3 accepted part ${part.partNumber} without an ETag.`);
  confirmPart(run.db, run.jobId, part.partNumber, answer.ETag, run.stamp());
  run.deps.onChange(run.job());
}

/** A failed attempt at a part: a new multipart upload, the end of the job, or a later attempt after a backoff. */
function partFailed(run: JobRun, part: UploadPart, error: unknown): void {
  if (run.signal.aborted || error instanceof UploadGoneError) throw error;
  const failure = classifyS3Error(error, run.s3);
  if (failure.kind === 'upload-gone') throw new UploadGoneError(failure.message);
  if (failure.kind === 'fatal') throw new UploadFatalError(failure.message);
  if (failure.kind === 'retry' && part.attempts + 1 >= run.maxAttempts) {
    throw new UploadFatalError(`Gave up on part ${part.partNumber} after ${run.maxAttempts} attempts: ${failure.message}`);
  }
  const waits = (run.offlineWaits.get(part.partNumber) ?? 0) + (failure.kind === 'offline' ? 1 : 0);
  run.offlineWaits.set(part.partNumber, waits);
  const next = new Date(run.now().getTime() + backoffDelayMs(part.attempts + waits)).toISOString();
  failPartAttempt(run.db, run.jobId, part.partNumber, failure.message, next, failure.kind === 'retry');
  noteFailure(run, failure);
}

async function sendPart(run: JobRun, part: UploadPart): Promise<void> {
  const wait = part.nextAttemptAt ? Date.parse(part.nextAttemptAt) - run.now().getTime() : 0;
  if (wait > 0) await sleep(wait, run.signal);
  const release = await run.deps.slots.acquire();
  try {
    await sendPartOnce(run, part);
  } catch (error) {
    partFailed(run, part, error);
  } finally {
    release();
  }
}

/** Sends parts as the source allows until every part of a complete source is confirmed. */
export async function sendAllParts(run: JobRun): Promise<void> {
  for (;;) {
    const extent = await run.deps.extent(run.job());
    const confirmedEnd = Math.max(0, ...listParts(run.db, run.jobId).map((part) => part.offset + part.size));
    if (confirmedEnd > extent.available) throw new UploadGoneError(`${run.job().sourcePath} is shorter than the parts already sent.`);
    planParts(run, extent);
    const pending = listParts(run.db, run.jobId).filter((part) => part.state === 'pending');
    if (pending.length === 0) {
      if (extent.complete) {
        if (run.job().size === null) updateUploadJob(run.db, run.jobId, { size: extent.available }, run.stamp());
        return;
      }
      await run.deps.waitForGrowth(run.signal);
      continue;
    }
    const results = await Promise.allSettled(pending.map((part) => sendPart(run, part)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
