import type { Api } from '../../../shared/ipc/client';
import { IpcError } from '../../../shared/ipc/errors';

export interface ChunkSenderOptions {
  api: Pick<Api, 'appendChunk'>;
  recordingId: string;
  segment: number;
  /** Chunks waiting beyond this pause the recorder (memory stays bounded); it resumes at half. */
  maxBacklog?: number;
  onBackpressure(paused: boolean): void;
  onAck(ack: Awaited<ReturnType<Api['appendChunk']>>): void;
  /** Disk full or a refused chunk: recording must stop; everything acknowledged is safe. */
  onFatal(error: Error): void;
}

const RETRYABLE = new Set(['UNAVAILABLE', 'INTERNAL']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends MediaRecorder's chunks to the main process one at a time, in order. A chunk leaves renderer memory
 * once the main process says it is durable; transient failures are retried with backoff.
 */
export function createChunkSender(options: ChunkSenderOptions) {
  const { api, recordingId, segment, maxBacklog = 8 } = options;
  const queue: Array<{ blob: Blob; mediaEndMs?: number }> = [];
  let index = 0;
  let paused = false;
  let failed = false;
  let running: Promise<void> = Promise.resolve();
  let pending = 0;

  async function sendOne({ blob, mediaEndMs }: { blob: Blob; mediaEndMs?: number }): Promise<void> {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    for (let attempt = 0; ; attempt++) {
      try {
        options.onAck(await api.appendChunk({ recordingId, segment, index, bytes, mediaEndMs }));
        index++;
        return;
      } catch (error) {
        const retryable = !(error instanceof IpcError) || RETRYABLE.has(error.code);
        if (!retryable || attempt >= 5) throw error;
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  function pump(): void {
    running = running.then(async () => {
      while (queue.length && !failed) {
        const chunk = queue[0]!;
        try {
          await sendOne(chunk);
        } catch (error) {
          failed = true;
          options.onFatal(error as Error);
          return;
        }
        queue.shift();
        pending--;
        if (paused && queue.length <= maxBacklog / 2) {
          paused = false;
          options.onBackpressure(false);
        }
      }
    });
  }

  return {
    /** `mediaEndMs`: the recorder's time at the end of this chunk, for recovering a crashed recording's length. */
    enqueue(blob: Blob, mediaEndMs?: number): void {
      if (failed || blob.size === 0) return;
      queue.push({ blob, mediaEndMs });
      pending++;
      if (!paused && queue.length > maxBacklog) {
        paused = true;
        options.onBackpressure(true);
      }
      pump();
    },
    /** Resolves when every queued chunk is acknowledged (or sending has failed). */
    drain: async () => {
      while (pending > 0 && !failed) await running;
    },
    backlog: () => queue.length,
  };
}

export type ChunkSender = ReturnType<typeof createChunkSender>;
