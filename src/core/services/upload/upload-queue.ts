import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import { segmentExtent } from '../catalog/queries/chunks';
import { getUploadJob, updateUploadJob, type UploadJob } from '../catalog/queries/uploads';
import type { UploadFailure } from './s3-errors';
import type { S3Target } from './s3-target';
import { pieceBytes, STREAM_PIECE_BYTES } from './recording-objects';
import { createSemaphore } from './semaphore';
import { UploadFatalError } from './upload-errors';
import { abandonUpload, runUploadJob, type SourceExtent } from './upload-job';

export interface UploadQueueDeps {
  db: Database;
  target: S3Target;
  onJobChange(job: UploadJob, note?: UploadFailure): void;
  now?: () => Date;
  maxAttempts?: number;
}

/** How far a piece of a growing recorded stream may be uploaded: only what the catalog says is durable. */
function streamExtent(db: Database, job: UploadJob): SourceExtent {
  const extent = segmentExtent(db, job.recordingId!, job.segmentSeq!);
  if (!extent)
    throw new UploadFatalError(`Segment ${job.segmentSeq} of recording ${job.recordingId} is no longer in the catalog.`, 'NOT_FOUND');
  return {
    available: pieceBytes(extent.bytes, job.piece),
    complete: extent.ended || extent.bytes >= job.sourceOffset + STREAM_PIECE_BYTES,
  };
}

async function fileExtent(job: UploadJob): Promise<SourceExtent> {
  try {
    const { size } = await fs.stat(job.sourcePath);
    if (job.size !== null && size !== job.size) {
      throw new UploadFatalError(
        `${job.sourcePath} changed size since its upload began (${job.size} → ${size} bytes); upload it again.`,
        'CONFLICT',
      );
    }
    return { available: size, complete: true };
  } catch (error) {
    if (error instanceof UploadFatalError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UploadFatalError(`The file to upload is gone: ${job.sourcePath}`, 'NOT_FOUND');
    throw error;
  }
}

/**
 * Runs upload jobs, each once at a time, sharing one pool of part slots (`s3.concurrency`) so that many jobs never
 * put more than that many parts on the wire. Growing streams sleep until `sourceGrew()` wakes them.
 */
export function createUploadQueue(deps: UploadQueueDeps) {
  const slots = createSemaphore(deps.target.settings.concurrency);
  const running = new Map<string, { promise: Promise<UploadJob>; abort: AbortController }>();
  let wake = new Set<() => void>();
  const waitForGrowth = (signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, 2_000);
      function done() {
        clearTimeout(timer);
        wake.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      }
      wake.add(done);
      signal.addEventListener('abort', done, { once: true });
    });

  return {
    /** Runs the job to a verified object (or joins the run already going). */
    run(jobId: string): Promise<UploadJob> {
      const existing = running.get(jobId);
      if (existing) return existing.promise;
      const abort = new AbortController();
      const promise = runUploadJob(
        {
          db: deps.db,
          target: deps.target,
          slots,
          extent: async (job) => (job.kind === 'stream' ? streamExtent(deps.db, job) : fileExtent(job)),
          waitForGrowth,
          onChange: deps.onJobChange,
          signal: abort.signal,
          now: deps.now,
          maxAttempts: deps.maxAttempts,
        },
        jobId,
      ).finally(() => running.delete(jobId));
      running.set(jobId, { promise, abort });
      return promise;
    },
    isRunning: (jobId: string) => running.has(jobId),
    /** A recorded stream has more durable bytes, or has ended. */
    sourceGrew(): void {
      const waiting = wake;
      wake = new Set();
      for (const resume of waiting) resume();
    },
    /** Stops a job for good: it will not be resumed. */
    async cancel(jobId: string): Promise<void> {
      const job = running.get(jobId);
      job?.abort.abort(new Error('Upload cancelled.'));
      await job?.promise.catch(() => undefined);
      const row = getUploadJob(deps.db, jobId);
      if (!row || row.state === 'done') return;
      updateUploadJob(deps.db, jobId, { state: 'cancelled' }, new Date().toISOString());
      await abandonUpload(deps.target, row);
    },
    /** Stops every job where it stands; all resume at the next start. */
    async close(): Promise<void> {
      const jobs = [...running.values()];
      for (const job of jobs) job.abort.abort(new Error('The app is closing.'));
      await Promise.allSettled(jobs.map((job) => job.promise));
    },
  };
}

export type UploadQueue = ReturnType<typeof createUploadQueue>;
