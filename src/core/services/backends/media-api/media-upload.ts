import fs from 'node:fs/promises';
import { sleep } from '../../../../shared/async/sleep';
import { BACKEND_LABELS, BackendError, isBackendError } from '../backend-error';
import { missingChunksOf, videoOutcome, type MediaClient, type MediaInitRequest } from './media-client';
import type { MediaChunkStatus } from './media-wire';

export interface MediaUploadInput {
  client: MediaClient;
  /** The session ID to ask for (idempotent init), or the one the backend gave earlier. */
  sessionId: string;
  /** True when the backend already acknowledged an init for `sessionId`. */
  initialized: boolean;
  file: { path: string; size: number; durationMs: number | null; format: string; contentType: string };
  chunkBytes: number;
  site: string;
  storage?: string;
  metadata?: Record<string, string>;
  finalize: 'sync' | 'async';
  onInitialized(sessionId: string): void;
  onProgress(bytesSent: number, bytesTotal: number): void;
  signal?: AbortSignal;
}

const chunkCount = (size: number, chunkBytes: number) => Math.max(1, Math.ceil(size / chunkBytes));

async function readChunk(handle: fs.FileHandle, index: number, chunkBytes: number, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const length = Math.min(chunkBytes, size - index * chunkBytes);
  const bytes = new Uint8Array(length);
  const { bytesRead } = await handle.read(bytes, 0, length, index * chunkBytes);
  if (bytesRead !== length) throw new Error(`The recording file ended early at chunk ${index}: was it changed while uploading?`);
  return bytes;
}

/** What the server holds of the session: the chunks it has, and whether it is already merging or merged. */
interface ServerSide {
  received: Set<number>;
  finalizing: boolean;
}

const serverSide = (status: MediaChunkStatus): ServerSide => ({
  received: new Set(status.receivedChunks),
  finalizing: status.status === 'processing' || status.status === 'completed',
});

async function ensureSession(input: MediaUploadInput, totalChunks: number): Promise<ServerSide> {
  const { client, sessionId } = input;
  if (input.initialized) {
    try {
      return serverSide(await client.chunkStatus(sessionId));
    } catch (error) {
      // The backend forgot the session (its temporary chunks were cleaned up): initialize it again.
      if (!isBackendError(error) || error.kind !== 'not-found') throw error;
    }
  }
  const request: MediaInitRequest = {
    sessionId,
    expectedChunks: totalChunks,
    expectedDuration: input.file.durationMs === null ? undefined : Math.round(input.file.durationMs / 1000),
    site: input.site,
    ...(input.storage ? { storage: input.storage } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
    videoSettings: { format: input.file.format, quality: 'high' },
  };
  const initialized = await client.init(request);
  input.onInitialized(initialized.sessionId);
  input.sessionId = initialized.sessionId;
  return serverSide(await client.chunkStatus(initialized.sessionId));
}

/** Long enough for the server to merge an hour of video; past it, the outbox asks again later. */
const VIDEO_WAIT_MS = 10 * 60_000;

async function awaitVideo(input: MediaUploadInput): Promise<string> {
  const deadline = Date.now() + VIDEO_WAIT_MS;
  for (let delay = 500; ; delay = Math.min(10_000, delay * 2)) {
    if (Date.now() > deadline)
      throw new BackendError({
        backend: 'media',
        kind: 'server',
        message: `The ${BACKEND_LABELS.media} is still merging the video after 10 minutes.`,
      });
    const outcome = videoOutcome(await input.client.video(input.sessionId));
    if (outcome.state === 'completed') return outcome.url;
    if (outcome.state === 'failed')
      throw new BackendError({
        backend: 'media',
        kind: 'recording-failed',
        message: `The ${BACKEND_LABELS.media} could not produce the video: ${outcome.reason}.`,
      });
    await sleep(delay, input.signal);
  }
}

/**
 * Sends a finished recording to the Media Recording API in chunks and finalizes it, resuming from what the
 * server says it holds (`chunks/status`), so an interrupted upload never sends an acknowledged chunk twice.
 * Returns the video's final URL.
 */
export async function uploadToMediaApi(input: MediaUploadInput): Promise<string> {
  const { client, file, chunkBytes } = input;
  const totalChunks = chunkCount(file.size, chunkBytes);
  const bytesOf = (index: number) => Math.min(chunkBytes, file.size - index * chunkBytes);
  const server = await ensureSession(input, totalChunks);
  // Finalized by an earlier run whose answer was lost: only the outcome is missing.
  if (server.finalizing) return awaitVideo(input);
  let received = server.received;
  const handle = await fs.open(file.path, 'r');
  try {
    // Twice at most: a finalize that reports missing chunks (lost on the server) gets them once more.
    for (let round = 0; round < 2; round++) {
      let sent = [...received].filter((index) => index < totalChunks).reduce((sum, index) => sum + bytesOf(index), 0);
      input.onProgress(sent, file.size);
      for (let index = 0; index < totalChunks; index++) {
        if (received.has(index)) continue;
        input.signal?.throwIfAborted();
        const bytes = await readChunk(handle, index, chunkBytes, file.size);
        await client.uploadChunk({
          sessionId: input.sessionId,
          chunkIndex: index,
          bytes,
          totalChunks,
          timestamp: Date.now(),
          filename: `chunk_${index}.${file.format}`,
          contentType: file.contentType,
        });
        received.add(index);
        sent += bytes.byteLength;
        input.onProgress(sent, file.size);
      }
      const request = { sessionId: input.sessionId, totalChunks, totalSize: file.size, maxWaitSeconds: 30 };
      try {
        if (input.finalize === 'async') {
          await client.finalizeAsync(request);
          return await awaitVideo(input);
        }
        const finalized = await client.finalize(request);
        if (finalized.video.uploaded === false || !finalized.video.s3Url)
          throw new BackendError({
            backend: 'media',
            kind: 'server',
            message: `The ${BACKEND_LABELS.media} merged the video but could not store it in S3 (upload_error).`,
          });
        return finalized.video.s3Url;
      } catch (error) {
        if (missingChunksOf(error).length === 0 || round > 0) throw error;
        received = serverSide(await client.chunkStatus(input.sessionId)).received;
      }
    }
    throw new Error('unreachable');
  } finally {
    await handle.close();
  }
}
