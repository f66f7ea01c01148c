import type { S3ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-s3';
import type { Command } from '@smithy/types';
import type { Database } from 'better-sqlite3';
import { backoffDelayMs } from '../../../shared/async/backoff';
import { sleep } from '../../../shared/async/sleep';
import { digestOfFile } from '../../platform/sha256';
import { getUploadJob, listParts, updateUploadJob, type UploadJob } from '../catalog/queries/uploads';
import { createOrderedMd5 } from './part-bytes';
import { classifyS3Error, type UploadFailure } from './s3-errors';
import type { S3Target } from './s3-target';
import type { Semaphore } from './semaphore';
import { UploadFatalError, UploadGoneError } from './upload-errors';

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

type S3Command<I extends ServiceInputTypes, O extends ServiceOutputTypes> = Command<
  ServiceInputTypes,
  I,
  ServiceOutputTypes,
  O,
  S3ClientResolvedConfig
>;

/** One run of one job: what its steps share. The catalog row is the state; this holds only the run's own memory. */
export interface JobRun {
  deps: JobRunDeps;
  db: Database;
  target: S3Target;
  signal: AbortSignal;
  jobId: string;
  maxAttempts: number;
  s3: { bucket: string; endpoint?: string };
  now(): Date;
  stamp(): string;
  /** The job as the catalog holds it now. */
  job(): UploadJob;
  send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: S3Command<I, O>): Promise<O>;
  /**
   * The object's MD5, fed as parts are read for sending: stores that answer with a plain MD5 ETag are then
   * verified without reading a gigabyte again. A run that resumes after confirmed parts never sees their bytes:
   * its digest is read from the file instead.
   */
  objectMd5: ReturnType<typeof createOrderedMd5>;
  /** Network failures per part in this run: they lengthen the backoff but never count toward giving up. */
  offlineWaits: Map<number, number>;
}

export function createJobRun(deps: JobRunDeps, jobId: string): JobRun {
  const now = deps.now ?? (() => new Date());
  const { db, target, signal } = deps;
  const resumedWithConfirmed = listParts(db, jobId).some((part) => part.state === 'confirmed');
  return {
    deps,
    db,
    target,
    signal,
    jobId,
    maxAttempts: deps.maxAttempts ?? 10,
    s3: { bucket: target.bucket, endpoint: target.endpoint },
    now,
    stamp: () => now().toISOString(),
    job: () => getUploadJob(db, jobId)!,
    send: (command) => target.client.send(command, { abortSignal: signal }),
    objectMd5: createOrderedMd5(resumedWithConfirmed ? 0 : 2 * target.settings.concurrency),
    offlineWaits: new Map(),
  };
}

/** The whole object's MD5: from the bytes sent in order in this run, else read from the file. */
export async function fileMd5(run: JobRun): Promise<string> {
  const { size, sourcePath, sourceOffset } = run.job();
  return run.objectMd5.digestOf(size!) ?? digestOfFile(sourcePath, 'md5', { offset: sourceOffset, size: size! });
}

/** Runs one S3 call until it succeeds or fails for good; network and 5xx errors wait and try again. */
export async function callS3<T>(run: JobRun, what: () => Promise<T>): Promise<T> {
  // Only errors other than the network count toward the limit: an outage may last as long as it likes.
  for (let waits = 0, failures = 0; ; waits++) {
    try {
      return await what();
    } catch (error) {
      if (run.signal.aborted) throw run.signal.reason;
      if (error instanceof UploadGoneError || error instanceof UploadFatalError) throw error;
      const failure = classifyS3Error(error, run.s3);
      if (failure.kind === 'upload-gone') throw new UploadGoneError(failure.message);
      if (failure.kind === 'retry') failures++;
      if (failure.kind === 'fatal' || failures >= run.maxAttempts) throw new UploadFatalError(failure.message);
      noteFailure(run, failure);
      await sleep(backoffDelayMs(waits), run.signal);
    }
  }
}

/** The job's last error is shown while it keeps trying. */
export function noteFailure(run: JobRun, failure: UploadFailure): void {
  updateUploadJob(run.db, run.jobId, { lastError: failure.message }, run.stamp());
  run.deps.onChange(run.job(), failure);
}
