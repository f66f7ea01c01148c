import type { FinalizeProgress, RecordingDetail } from '../../../shared/domain/recording';
import { createSerialQueue } from '../../../shared/async/serial-queue';
import { createServiceEmitter, type ServiceEvents } from '../service-events';
import type { FinalizeOptions } from './finalize-recording';

type Finalize = (recordingId: string, options: FinalizeOptions) => Promise<RecordingDetail>;

/** How each queued finalize ended, for whoever follows (the pipeline: upload, Media API, the UI's list). */
export interface FinalizeEvents extends Record<string, unknown> {
  finalized: { recordingId: string; detail: RecordingDetail };
  failed: { recordingId: string; error: unknown };
}

/**
 * Finalizes one recording at a time (ffmpeg is disk-bound; two at once only slow each other), keeps the latest
 * progress of each for screens that open late, and lets the person cancel.
 */
export function createFinalizeQueue(
  finalize: Finalize,
  emit: (progress: FinalizeProgress) => void,
  onListenerError?: (event: string, error: unknown) => void,
) {
  const jobs = new Map<string, { promise: Promise<RecordingDetail>; abort: AbortController }>();
  const latest = new Map<string, FinalizeProgress>();
  const oneAtATime = createSerialQueue();
  const events = createServiceEmitter<FinalizeEvents>(onListenerError);

  const publish = (progress: FinalizeProgress) => {
    latest.set(progress.recordingId, progress);
    emit(progress);
  };

  const enqueue = (recordingId: string): Promise<RecordingDetail> => {
    const existing = jobs.get(recordingId);
    if (existing) return existing.promise;
    const abort = new AbortController();
    publish({ recordingId, stage: 'queued', fraction: 0 });
    const promise = oneAtATime
      .run(() => finalize(recordingId, { signal: abort.signal, onProgress: publish }))
      .finally(() => jobs.delete(recordingId));
    promise.then(
      (detail) => events.emit('finalized', { recordingId, detail }),
      (error: unknown) => events.emit('failed', { recordingId, error }),
    );
    jobs.set(recordingId, { promise, abort });
    return promise;
  };

  return {
    on: events.on as ServiceEvents<FinalizeEvents>['on'],
    /** Queues the recording (once: asking again while queued returns the same job). */
    enqueue,
    /** Queues it and returns at once: the outcome arrives as a `finalized` or `failed` event. */
    request(recordingId: string): void {
      enqueue(recordingId).catch(() => undefined);
    },
    cancel(recordingId: string): boolean {
      const job = jobs.get(recordingId);
      job?.abort.abort();
      return Boolean(job);
    },
    progress: (recordingId: string): FinalizeProgress | null => latest.get(recordingId) ?? null,
    /** Resolves once every finalize queued so far has settled. */
    idle: () => oneAtATime.idle(),
    /** App quit: stops every job (each goes back to `stopped`, finalized again at the next start) and waits. */
    async cancelAll(): Promise<void> {
      for (const job of jobs.values()) job.abort.abort();
      await oneAtATime.idle();
    },
  };
}

export type FinalizeQueue = ReturnType<typeof createFinalizeQueue>;
