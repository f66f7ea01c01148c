import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
  type Part,
  type S3ClientResolvedConfig,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-s3';
import type { Command } from '@smithy/types';
import type { Database } from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { digestOfFile } from '../../platform/sha256';
import {
  confirmPart,
  failPartAttempt,
  getUploadJob,
  insertPart,
  listParts,
  restartUploadJob,
  setPartMd5,
  unconfirmPart,
  updateUploadJob,
  type UploadJob,
  type UploadPart,
} from '../catalog/queries/uploads';
import { backoffDelayMs } from './backoff';
import { createOrderedMd5, etagMatchesMd5, md5Base64, readRange } from './part-bytes';
import { nextParts } from './part-plan';
import { classifyS3Error, type UploadFailure } from './s3-errors';
import type { S3Target } from './s3-target';
import type { Semaphore } from './semaphore';
import { ObjectMismatchError, verifyObject } from './verify-object';

/** How much of the source may be uploaded now, and whether it will grow further. */
export interface SourceExtent {
  available: number;
  complete: boolean;
}

export interface JobRunDeps {
  db: Database;
  target: S3Target;
  /** Parts in flight over all jobs. */
  slots: Semaphore;
  extent(job: UploadJob): Promise<SourceExtent>;
  /** Resolves when a growing source may have grown (or after a while). */
  waitForGrowth(signal: AbortSignal): Promise<void>;
  /** A part was confirmed, an attempt failed, or the job changed state. */
  onChange(job: UploadJob, note?: UploadFailure): void;
  signal: AbortSignal;
  now?: () => Date;
  /** Retries of one part on errors other than the network before the job fails. */
  maxAttempts?: number;
}

/** Stops the job: the person must act (credentials, bucket, clock, a vanished file). */
export class UploadFatalError extends Error {}
class UploadGoneError extends Error {}

const MAX_RESTARTS = 3;

/**
 * Runs one upload job to a verified object, resuming from the catalog: confirmed parts are never sent again,
 * pending ones are. Errors the network or S3 may outgrow are retried per part with backoff (forever while offline);
 * an upload id that vanished starts a new multipart upload; anything a person must fix fails the job with
 * `UploadFatalError`. Aborting `signal` leaves the job resumable.
 */
export async function runUploadJob(deps: JobRunDeps, jobId: string): Promise<UploadJob> {
  const now = deps.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  const { db, target, signal } = deps;
  const maxAttempts = deps.maxAttempts ?? 10;
  const job = () => getUploadJob(db, jobId)!;
  const s3 = { bucket: target.bucket, endpoint: target.endpoint };
  const send = <I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    command: Command<ServiceInputTypes, I, ServiceOutputTypes, O, S3ClientResolvedConfig>,
  ): Promise<O> => target.client.send(command, { abortSignal: signal });

  /** Runs one S3 call until it succeeds or fails for good; network and 5xx errors wait and try again. */
  async function call<T>(what: () => Promise<T>): Promise<T> {
    // Only errors other than the network count toward the limit: an outage may last as long as it likes.
    for (let waits = 0, failures = 0; ; waits++) {
      try {
        return await what();
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (error instanceof UploadGoneError || error instanceof UploadFatalError) throw error;
        const failure = classifyS3Error(error, s3);
        if (failure.kind === 'upload-gone') throw new UploadGoneError(failure.message);
        if (failure.kind === 'retry') failures++;
        if (failure.kind === 'fatal' || failures >= maxAttempts) throw new UploadFatalError(failure.message);
        updateUploadJob(db, jobId, { lastError: failure.message }, stamp());
        deps.onChange(job(), failure);
        await sleep(backoffDelayMs(waits), undefined, { signal });
      }
    }
  }

  async function createUpload(): Promise<void> {
    const current = job();
    const created = await call(() =>
      send(
        new CreateMultipartUploadCommand({
          Bucket: target.bucket,
          Key: current.objectKey,
          ContentType: current.contentType,
          Metadata: { 'irec-job': current.id, ...(current.recordingId ? { 'irec-recording': current.recordingId } : {}) },
          ...target.sse,
        }),
      ),
    );
    if (!created.UploadId) throw new UploadFatalError('S3 started a multipart upload without an upload id.');
    restartUploadJob(db, jobId, created.UploadId, stamp());
    objectMd5 = createOrderedMd5(2 * target.settings.concurrency);
  }

  /** Where the server keeps its own list of parts, it wins: lost parts go again, parts it has are not re-sent. */
  async function reconcileWithServer(): Promise<void> {
    const { uploadId, objectKey } = job();
    const server = new Map<number, Part>();
    let marker: string | undefined;
    try {
      do {
        const page = await send(
          new ListPartsCommand({ Bucket: target.bucket, Key: objectKey, UploadId: uploadId!, PartNumberMarker: marker }),
        );
        for (const part of page.Parts ?? []) server.set(part.PartNumber!, part);
        marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (marker);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 405 || status === 501) return; // this store cannot list parts: the catalog is the record
      if (classifyS3Error(error, s3).kind === 'upload-gone') throw new UploadGoneError('The multipart upload is gone from the bucket.');
      throw error;
    }
    for (const part of listParts(db, jobId)) {
      const held = server.get(part.partNumber);
      const intact = held?.Size === part.size && held.ETag !== undefined && part.md5 !== null && etagMatchesMd5(held.ETag, part.md5);
      if (part.state === 'confirmed' && !held) unconfirmPart(db, jobId, part.partNumber);
      else if (part.state === 'pending' && intact) confirmPart(db, jobId, part.partNumber, held.ETag!, stamp());
    }
  }

  // The object's MD5, fed as parts are read for sending: stores that answer with a plain MD5 ETag are then
  // verified without reading a gigabyte again. After a restart it is read from the file instead.
  // A run that resumes after confirmed parts never sees their bytes: its digest is read from the file instead.
  const resumedWithConfirmed = listParts(db, jobId).some((part) => part.state === 'confirmed');
  let objectMd5 = createOrderedMd5(resumedWithConfirmed ? 0 : 2 * target.settings.concurrency);
  const fileMd5 = async () => {
    const { size, sourcePath, sourceOffset } = job();
    return objectMd5.digestOf(size!) ?? digestOfFile(sourcePath, 'md5', { offset: sourceOffset, size: size! });
  };

  function planParts(extent: SourceExtent): void {
    const planned = listParts(db, jobId);
    const last = planned[planned.length - 1];
    const plannedEnd = last ? last.offset + last.size : 0;
    const fresh = nextParts({
      plannedEnd,
      plannedCount: planned.length,
      available: extent.available,
      partSize: job().partSize,
      complete: extent.complete,
    });
    if (extent.complete && extent.available === 0 && planned.length === 0) fresh.push({ partNumber: 1, offset: 0, size: 0 });
    for (const part of fresh) insertPart(db, jobId, part);
  }

  /** Network failures per part in this run: they lengthen the backoff but never count toward giving up. */
  const offlineWaits = new Map<number, number>();

  async function sendPart(part: UploadPart): Promise<void> {
    const wait = part.nextAttemptAt ? Date.parse(part.nextAttemptAt) - now().getTime() : 0;
    if (wait > 0) await sleep(wait, undefined, { signal });
    const release = await deps.slots.acquire();
    try {
      const bytes = part.size ? await readRange(job().sourcePath, job().sourceOffset + part.offset, part.size) : Buffer.alloc(0);
      const md5 = md5Base64(bytes);
      if (part.md5 === null) setPartMd5(db, jobId, part.partNumber, md5);
      else if (md5 !== part.md5) throw new UploadGoneError(`${job().sourcePath} changed after part ${part.partNumber} was first sent.`);
      objectMd5.add(part.offset, bytes);
      const { uploadId, objectKey } = job();
      const answer = await send(
        new UploadPartCommand({
          Bucket: target.bucket,
          Key: objectKey,
          UploadId: uploadId!,
          PartNumber: part.partNumber,
          Body: bytes,
          ContentMD5: md5,
        }),
      );
      if (!answer.ETag) throw new Error(`S3 accepted part ${part.partNumber} without an ETag.`);
      confirmPart(db, jobId, part.partNumber, answer.ETag, stamp());
      deps.onChange(job());
    } catch (error) {
      if (signal.aborted || error instanceof UploadGoneError) throw error;
      const failure = classifyS3Error(error, s3);
      if (failure.kind === 'upload-gone') throw new UploadGoneError(failure.message);
      if (failure.kind === 'fatal' || (failure.kind === 'retry' && part.attempts + 1 >= maxAttempts)) {
        throw new UploadFatalError(
          failure.kind === 'fatal'
            ? failure.message
            : `Gave up on part ${part.partNumber} after ${maxAttempts} attempts: ${failure.message}`,
        );
      }
      const waits = (offlineWaits.get(part.partNumber) ?? 0) + (failure.kind === 'offline' ? 1 : 0);
      offlineWaits.set(part.partNumber, waits);
      const next = new Date(now().getTime() + backoffDelayMs(part.attempts + waits)).toISOString();
      failPartAttempt(db, jobId, part.partNumber, failure.message, next, failure.kind === 'retry');
      updateUploadJob(db, jobId, { lastError: failure.message }, stamp());
      deps.onChange(job(), failure);
    } finally {
      release();
    }
  }

  /** Sends parts as the source allows until every part of a complete source is confirmed. */
  async function sendAllParts(): Promise<void> {
    for (;;) {
      const extent = await deps.extent(job());
      const confirmedEnd = Math.max(0, ...listParts(db, jobId).map((part) => part.offset + part.size));
      if (confirmedEnd > extent.available) throw new UploadGoneError(`${job().sourcePath} is shorter than the parts already sent.`);
      planParts(extent);
      const pending = listParts(db, jobId).filter((part) => part.state === 'pending');
      if (pending.length === 0) {
        if (extent.complete) {
          if (job().size === null) updateUploadJob(db, jobId, { size: extent.available }, stamp());
          return;
        }
        await deps.waitForGrowth(signal);
        continue;
      }
      const results = await Promise.allSettled(pending.map(sendPart));
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  async function complete(): Promise<void> {
    const { uploadId, objectKey } = job();
    const parts = listParts(db, jobId).map((part) => ({ PartNumber: part.partNumber, ETag: part.etag! }));
    const done = await call(() =>
      send(
        new CompleteMultipartUploadCommand({
          Bucket: target.bucket,
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
   * True when the bucket holds exactly the local file; false when it holds nothing or something else. `probing`:
   * only asking whether an earlier run already completed it, where a 403 (HEAD of a missing key without
   * s3:ListBucket) means "no" rather than a fatal error.
   */
  async function verify(probing = false): Promise<boolean> {
    const current = job();
    const partMd5s = listParts(db, jobId).map((part) => part.md5!);
    const absent = (error: unknown) => {
      const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      return name === 'NotFound' || (probing && $metadata?.httpStatusCode === 403);
    };
    const outcome = await call(() =>
      verifyObject(target, { key: current.objectKey, size: current.size!, partMd5s, fileMd5 }, signal).catch((error: unknown) => {
        if (error instanceof ObjectMismatchError || absent(error)) return error as Error;
        throw error;
      }),
    );
    if (outcome instanceof Error) {
      updateUploadJob(db, jobId, { lastError: outcome.message }, stamp());
      return false;
    }
    updateUploadJob(db, jobId, { state: 'done', etag: outcome.etag, completedAt: stamp(), lastError: null }, stamp());
    return true;
  }

  const allConfirmed = async () => {
    const extent = await deps.extent(job());
    const parts = listParts(db, jobId);
    return (
      extent.complete &&
      parts.length > 0 &&
      parts.every((part) => part.state === 'confirmed') &&
      parts.at(-1)!.offset + parts.at(-1)!.size === extent.available
    );
  };

  updateUploadJob(db, jobId, { state: 'uploading' }, stamp());
  deps.onChange(job());
  for (let restarts = 0; ; restarts++) {
    try {
      if (!job().uploadId) await createUpload();
      else if (restarts === 0) {
        // Resuming after a restart: a completion that was acknowledged but not recorded must not upload it all again.
        if ((await allConfirmed()) && (await verifyExisting())) return finish();
        await call(reconcileWithServer);
      }
      await sendAllParts();
      await complete().catch(async (error: unknown) => {
        if (!(await verifyExisting())) throw error;
      });
      if (job().state === 'done' || (await verify())) return finish();
      throw new UploadGoneError(`${job().objectKey} in the bucket does not match the local file: ${job().lastError}`);
    } catch (error) {
      if (!(error instanceof UploadGoneError)) {
        if (signal.aborted) throw signal.reason;
        const message = (error as Error).message;
        if (job().state === 'done') return finish(); // another process finished it meanwhile
        updateUploadJob(db, jobId, { state: 'failed', lastError: message, attempts: job().attempts + 1 }, stamp());
        deps.onChange(job());
        throw error instanceof UploadFatalError ? error : new UploadFatalError(message);
      }
      if (restarts + 1 >= MAX_RESTARTS) {
        updateUploadJob(db, jobId, { state: 'failed', lastError: error.message }, stamp());
        deps.onChange(job());
        throw new UploadFatalError(error.message);
      }
      await abandonUpload(target, job());
      restartUploadJob(db, jobId, null, stamp());
    }
  }

  async function verifyExisting(): Promise<boolean> {
    if (job().size === null) {
      const extent = await deps.extent(job());
      if (!extent.complete) return false;
      updateUploadJob(db, jobId, { size: extent.available }, stamp());
    }
    return verify(true);
  }

  function finish(): UploadJob {
    const done = job();
    deps.onChange(done);
    return done;
  }
}

/** Best effort: frees the parts of an upload that will not be completed (not every store supports it). */
export async function abandonUpload(target: S3Target, job: UploadJob): Promise<void> {
  if (!job.uploadId) return;
  await target.client
    .send(new AbortMultipartUploadCommand({ Bucket: target.bucket, Key: job.objectKey, UploadId: job.uploadId }))
    .catch(() => undefined);
}
