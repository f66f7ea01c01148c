import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import type { Config } from '../../../../shared/config/schema';
import { recordedContainer } from '../../../../shared/domain/recording';
import type { CloudSessionChanges } from '../../catalog/queries/cloud-sessions';
import { listSegments } from '../../catalog/queries/chunks';
import {
  ackStreamChunk,
  getMediaStream,
  listStreamChunks,
  syncStreamAcks,
  updateMediaStream,
  type MediaStream,
  type StreamChunk,
} from '../../catalog/queries/media-streams';
import { getRecordingDetail } from '../../catalog/queries/recordings';
import { BACKEND_LABELS, isBackendError } from '../backend-error';
import { DONE, Undeliverable, type DeliveryOutcome } from '../outbox/outbox-runner';
import { videoOutcome, type MediaClient } from './media-client';
import { planStream, streamSessionId } from './stream-catalog';
import { RECORDER_CHUNKS_PER_API_CHUNK } from './stream-plan';

export interface StreamDeliveryDeps {
  db: Database;
  client: MediaClient;
  settings: Config['backends']['mediaApi'];
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
}

/** While recording, a look every few seconds even if a "more is durable" nudge went missing. */
const STREAMING_RECHECK_MS = 5000;

async function readRange(file: string, chunk: StreamChunk): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await fs.open(file, 'r');
  try {
    const bytes = new Uint8Array(chunk.size);
    const { bytesRead } = await handle.read(bytes, 0, chunk.size, chunk.byteOffset);
    if (bytesRead !== chunk.size) throw new Undeliverable(`The recorded file ${file} ends before chunk ${chunk.chunkIndex}.`);
    return bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Undeliverable(`The recorded file is gone from this computer: ${file}.`);
    throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Streams one recorded segment to the Media Recording API, one outbox attempt at a time: init (idempotent by
 * session ID), then every planned chunk the API has not acknowledged, in order; once the segment is complete,
 * finalize, then wait for the video. The API's chunk status is the truth after a restart or a failed attempt
 * (`synced` remembers which sessions were checked in this run), so an acknowledged chunk is never sent twice.
 */
export function createStreamDelivery(deps: StreamDeliveryDeps) {
  const { db, client } = deps;
  const at = () => deps.now().toISOString();
  const limits = { recorderChunks: RECORDER_CHUNKS_PER_API_CHUNK, maxBytes: deps.settings.chunkMb * 1024 * 1024 };
  const synced = new Set<string>();

  const remoteIdOf = (stream: MediaStream) => streamSessionId(stream.recordingId, stream.segmentSeq);

  async function init(sessionId: string, stream: MediaStream, mimeType: string): Promise<void> {
    const recording = getRecordingDetail(db, stream.recordingId);
    const answer = await client.init({
      sessionId: remoteIdOf(stream),
      site: deps.settings.site!,
      ...(deps.settings.storage ? { storage: deps.settings.storage } : {}),
      metadata: {
        title: recording?.interviewTitle ?? '',
        interviewId: recording?.interviewId ?? '',
        recordingId: stream.recordingId,
        segment: String(stream.segmentSeq),
      },
      videoSettings: { format: recordedContainer(mimeType), quality: 'high' },
    });
    updateMediaStream(db, sessionId, { initialized: true });
    deps.update(sessionId, { remoteId: answer.sessionId, startedAt: at(), state: 'active', error: null });
    synced.add(sessionId);
  }

  /** After a restart or a failure: what the API holds, or whether it is finalizing already. */
  async function resync(sessionId: string, stream: MediaStream): Promise<'finalizing' | 'forgotten' | 'synced'> {
    try {
      const status = await client.chunkStatus(remoteIdOf(stream));
      if (status.status === 'processing' || status.status === 'completed') return 'finalizing';
      syncStreamAcks(db, sessionId, status.receivedChunks, at());
      synced.add(sessionId);
      return 'synced';
    } catch (error) {
      if (!isBackendError(error) || error.kind !== 'not-found') throw error;
      // The API forgot the session (its temporary chunks were cleaned up): start it again from chunk 0.
      updateMediaStream(db, sessionId, { initialized: false });
      syncStreamAcks(db, sessionId, [], at());
      return 'forgotten';
    }
  }

  function progress(sessionId: string, durableBytes: number, complete: boolean): void {
    const chunks = listStreamChunks(db, sessionId);
    const acked = chunks.filter((chunk) => chunk.ackedAt);
    const bytesSent = acked.reduce((sum, chunk) => sum + chunk.size, 0);
    deps.update(sessionId, {
      bytesSent,
      bytesTotal: durableBytes,
      ...(complete
        ? { state: 'stopping' as const, statusText: 'Sending the last chunks' }
        : { statusText: `streaming, ${acked.length} chunk${acked.length === 1 ? '' : 's'} received by the API` }),
    });
  }

  async function finalize(sessionId: string, stream: MediaStream): Promise<DeliveryOutcome> {
    const chunks = listStreamChunks(db, sessionId);
    const request = {
      sessionId: remoteIdOf(stream),
      totalChunks: chunks.length,
      totalSize: chunks.reduce((sum, chunk) => sum + chunk.size, 0),
      maxWaitSeconds: 30,
    };
    try {
      if (deps.settings.finalize === 'async') await client.finalizeAsync(request);
      else {
        const finalized = await client.finalize(request);
        updateMediaStream(db, sessionId, { finalizedAt: at() });
        return finished(sessionId, finalized.video.uploaded === false ? undefined : finalized.video.s3Url);
      }
    } catch (error) {
      const missing =
        isBackendError(error) && error.status === 400 ? (error.reply as { missingChunks?: number[] } | null)?.missingChunks : undefined;
      if (!missing?.length) throw error;
      // The API lost chunks it had acknowledged: they go again on the next attempt.
      synced.delete(sessionId);
      return {
        done: false,
        retryInMs: 1000,
        note: `The ${BACKEND_LABELS.media} is missing chunks ${missing.join(', ')}; sending them again.`,
      };
    }
    updateMediaStream(db, sessionId, { finalizedAt: at() });
    deps.update(sessionId, { state: 'processing', stoppedAt: at(), statusText: 'Finalize requested; the backend is merging the video' });
    return awaitVideo(sessionId, stream);
  }

  function finished(sessionId: string, url: string | undefined): DeliveryOutcome {
    if (!url) {
      deps.update(sessionId, {
        state: 'failed',
        error: `The ${BACKEND_LABELS.media} merged the video but could not store it in S3 (upload_error).`,
      });
      return DONE;
    }
    deps.update(sessionId, {
      state: 'done',
      recordingUrl: url,
      files: [{ filename: url.split('/').pop()!, url }],
      statusText: null,
      error: null,
    });
    return DONE;
  }

  async function awaitVideo(sessionId: string, stream: MediaStream): Promise<DeliveryOutcome> {
    let reply;
    try {
      reply = await client.video(remoteIdOf(stream));
    } catch (error) {
      if (!isBackendError(error) || error.kind !== 'not-found') throw error;
      // Finalized, then forgotten before we learnt the outcome: deliver the segment again from the start.
      updateMediaStream(db, sessionId, { initialized: false, finalizedAt: null });
      syncStreamAcks(db, sessionId, [], at());
      return { done: false, retryInMs: 1000, note: `The ${BACKEND_LABELS.media} lost the session; sending it again.` };
    }
    const outcome = videoOutcome(reply);
    if (outcome.state === 'completed') return finished(sessionId, outcome.url);
    if (outcome.state === 'failed') {
      deps.update(sessionId, { state: 'failed', error: `The ${BACKEND_LABELS.media} could not produce the video: ${outcome.reason}.` });
      return DONE;
    }
    const since = deps.now().getTime() - Date.parse(getMediaStream(db, sessionId)?.finalizedAt ?? at());
    return { done: false, retryInMs: Math.min(30_000, Math.max(1000, since / 4)), note: 'The backend is still merging the video.' };
  }

  return async function deliverStream(sessionId: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    let stream = getMediaStream(db, sessionId)!;
    const segment = listSegments(db, stream.recordingId).find((s) => s.seq === stream.segmentSeq);
    if (!segment) throw new Undeliverable(`Recording ${stream.recordingId} has no segment ${stream.segmentSeq} any more.`);
    try {
      if (stream.finalizedAt) return await awaitVideo(sessionId, stream);
      if (stream.initialized && !synced.has(sessionId) && (await resync(sessionId, stream)) === 'finalizing') {
        updateMediaStream(db, sessionId, { finalizedAt: at() });
        return await awaitVideo(sessionId, stream);
      }
      stream = getMediaStream(db, sessionId)!;
      if (!stream.initialized) await init(sessionId, stream, segment.mimeType);
      for (;;) {
        const plan = planStream(db, stream, limits);
        const unsent = listStreamChunks(db, sessionId).filter((chunk) => !chunk.ackedAt);
        for (const chunk of unsent) {
          signal.throwIfAborted();
          await client.uploadChunk({
            sessionId: remoteIdOf(stream),
            chunkIndex: chunk.chunkIndex,
            bytes: await readRange(segment.filePath, chunk),
            timestamp: Date.now(),
            filename: `chunk_${chunk.chunkIndex}.${recordedContainer(segment.mimeType)}`,
            contentType: segment.mimeType.split(';')[0]!,
          });
          ackStreamChunk(db, sessionId, chunk.chunkIndex, at());
          progress(sessionId, plan.durableBytes, plan.complete);
        }
        // More may have become durable while we were sending: plan again before deciding what comes next.
        if (unsent.length > 0) continue;
        if (!plan.complete) return { done: false, retryInMs: STREAMING_RECHECK_MS };
        if (listStreamChunks(db, sessionId).length === 0) {
          deps.update(sessionId, { state: 'missed', error: 'Nothing was recorded in this part.' });
          return DONE;
        }
        progress(sessionId, plan.durableBytes, true);
        return await finalize(sessionId, stream);
      }
    } catch (error) {
      // Whatever failed, the next attempt asks the API what it holds before sending.
      synced.delete(sessionId);
      throw error;
    }
  };
}
