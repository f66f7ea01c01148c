import { backoffDelayMs } from '../../../shared/async/backoff';
import { createSerialQueue } from '../../../shared/async/serial-queue';
import { sleep } from '../../../shared/async/sleep';
import type { Api } from '../../../shared/ipc/client';
import { IpcError } from '../../../shared/ipc/errors';

export type ChunkAck = Awaited<ReturnType<Api['appendChunk']>>;

export interface ChunkSenderOptions {
  api: Pick<Api, 'appendChunk'>;
  recordingId: string;
  segment: number;
  /** Chunks waiting beyond this pause the recorder (memory stays bounded); it resumes at half. */
  maxBacklog?: number;
  onBackpressure(paused: boolean): void;
  onAck(ack: ChunkAck): void;
  /** Disk full or a refused chunk: recording must stop; everything acknowledged is safe. */
  onFatal(error: Error): void;
}

/** Codes that mean the main process could not answer just now; any other code will not change on a retry. */
const RETRYABLE = new Set(['UNAVAILABLE', 'INTERNAL']);
const MAX_RETRIES = 5;
/**
 * Jittered delays whose mean total before giving up (≈ 6.7 s over five retries) matches the fixed 200·2ⁿ ms
 * schedule used before (6.2 s), so a main process that is briefly busy is still ridden out.
 */
const RETRY_BACKOFF = { baseMs: 400, capMs: 6_400 };

const isRetryable = (error: unknown) => !(error instanceof IpcError) || RETRYABLE.has(error.code);

/**
 * Sends MediaRecorder's chunks to the main process one at a time, in order. A chunk leaves renderer memory
 * once the main process says it is durable; transient failures are retried with backoff.
 */
export function createChunkSender(options: ChunkSenderOptions) {
  const { api, recordingId, segment, maxBacklog = 8 } = options;
  const sending = createSerialQueue();
  let index = 0;
  let waiting = 0;
  let paused = false;
  let failed = false;

  async function append(blob: Blob, mediaEndMs: number | undefined): Promise<ChunkAck> {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.appendChunk({ recordingId, segment, index, bytes, mediaEndMs });
      } catch (error) {
        if (!isRetryable(error) || attempt >= MAX_RETRIES) throw error;
        await sleep(backoffDelayMs(attempt, RETRY_BACKOFF));
      }
    }
  }

  async function send(blob: Blob, mediaEndMs: number | undefined): Promise<void> {
    // After a chunk could not be kept, later ones would leave a hole in the file: they are dropped.
    if (failed) return;
    let ack: ChunkAck;
    try {
      ack = await append(blob, mediaEndMs);
    } catch (error) {
      failed = true;
      options.onFatal(error as Error);
      return;
    }
    index++;
    waiting--;
    options.onAck(ack);
    if (paused && waiting <= maxBacklog / 2) {
      paused = false;
      options.onBackpressure(false);
    }
  }

  return {
    /** `mediaEndMs`: the recorder's time at the end of this chunk, for recovering a crashed recording's length. */
    enqueue(blob: Blob, mediaEndMs?: number): void {
      if (failed || blob.size === 0) return;
      waiting++;
      if (!paused && waiting > maxBacklog) {
        paused = true;
        options.onBackpressure(true);
      }
      void sending.run(() => send(blob, mediaEndMs));
    },
    /** Resolves when every chunk queued so far is acknowledged (or sending has failed). */
    drain: () => sending.idle(),
    /** Chunks not yet acknowledged. */
    backlog: () => waiting,
  };
}

export type ChunkSender = ReturnType<typeof createChunkSender>;
