import type { FinalizeProgress, RecordingDetail } from '../../../shared/domain/recording';
import type { FinalizeOptions } from './finalize-recording';

type Finalize = (recordingId: string, options: FinalizeOptions) => Promise<RecordingDetail>;

/**
 * Finalizes one recording at a time (ffmpeg is disk-bound; two at once only slow each other), keeps the latest
 * progress of each for screens that open late, and lets the person cancel.
 */
export function createFinalizeQueue(finalize: Finalize, emit: (progress: FinalizeProgress) => void) {
  const jobs = new Map<string, { promise: Promise<RecordingDetail>; abort: AbortController }>();
  const latest = new Map<string, FinalizeProgress>();
  let tail: Promise<unknown> = Promise.resolve();

  const publish = (progress: FinalizeProgress) => {
    latest.set(progress.recordingId, progress);
    emit(progress);
  };

  return {
    /** Queues the recording (once: asking again while queued returns the same job). */
    enqueue(recordingId: string): Promise<RecordingDetail> {
      const existing = jobs.get(recordingId);
      if (existing) return existing.promise;
      const abort = new AbortController();
      publish({ recordingId, stage: 'queued', fraction: 0 });
      const promise = tail
        .catch(() => undefined)
        .then(() => finalize(recordingId, { signal: abort.signal, onProgress: publish }))
        .finally(() => jobs.delete(recordingId));
      tail = promise.catch(() => undefined);
      jobs.set(recordingId, { promise, abort });
      return promise;
    },
    cancel(recordingId: string): boolean {
      const job = jobs.get(recordingId);
      job?.abort.abort();
      return Boolean(job);
    },
    progress: (recordingId: string): FinalizeProgress | null => latest.get(recordingId) ?? null,
    /** App quit: stops every job (each goes back to `stopped`, finalized again at the next start) and waits. */
    async cancelAll(): Promise<void> {
      for (const job of jobs.values()) job.abort.abort();
      await tail;
    },
  };
}

export type FinalizeQueue = ReturnType<typeof createFinalizeQueue>;
