import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import { recordedContainer } from '../../../../shared/domain/recording';
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
import { DONE, stillWorking, Undeliverable, type DeliveryOutcome } from '../outbox/delivery';
import { fileNameOf } from './file-delivery';
import { missingChunksOf, videoOutcome } from './media-client';
import type { MediaDeliveryDeps } from './media-delivery-deps';
import { planStream, streamSessionId, type StreamPlan } from './stream-catalog';
import { RECORDER_CHUNKS_PER_API_CHUNK, type StreamPlanLimits } from './stream-plan';

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

/** What every step of a stream delivery shares; `synced` remembers which sessions were checked in this run. */
interface StreamContext {
  deps: MediaDeliveryDeps;
  limits: StreamPlanLimits;
  synced: Set<string>;
  at(): string;
}

const remoteIdOf = (stream: MediaStream) => streamSessionId(stream.recordingId, stream.segmentSeq);

async function init(ctx: StreamContext, sessionId: string, stream: MediaStream, mimeType: string): Promise<void> {
  const { db, client, settings } = ctx.deps;
  const recording = getRecordingDetail(db, stream.recordingId);
  const answer = await client.init({
    sessionId: remoteIdOf(stream),
    site: settings.site ?? '',
    ...(settings.storage ? { storage: settings.storage } : {}),
    metadata: {
      title: recording?.interviewTitle ?? '',
      interviewId: recording?.interviewId ?? '',
      recordingId: stream.recordingId,
      segment: String(stream.segmentSeq),
    },
    videoSettings: { format: recordedContainer(mimeType), quality: 'high' },
  });
  updateMediaStream(db, sessionId, { initialized: true });
  ctx.deps.update(sessionId, { remoteId: answer.sessionId, startedAt: ctx.at(), state: 'active', error: null });
  ctx.synced.add(sessionId);
}

/** After a restart or a failure: what the API holds, or whether it is finalizing already. */
async function resync(ctx: StreamContext, sessionId: string, stream: MediaStream): Promise<'finalizing' | 'forgotten' | 'synced'> {
  const { db, client } = ctx.deps;
  try {
    const status = await client.chunkStatus(remoteIdOf(stream));
    if (status.status === 'processing' || status.status === 'completed') return 'finalizing';
    syncStreamAcks(db, sessionId, status.receivedChunks, ctx.at());
    ctx.synced.add(sessionId);
    return 'synced';
  } catch (error) {
    if (!isBackendError(error, 'not-found')) throw error;
    // The API forgot the session (its temporary chunks were cleaned up): start it again from chunk 0.
    updateMediaStream(db, sessionId, { initialized: false });
    syncStreamAcks(db, sessionId, [], ctx.at());
    return 'forgotten';
  }
}

function progress(ctx: StreamContext, sessionId: string, durableBytes: number, complete: boolean): void {
  const acked = listStreamChunks(ctx.deps.db, sessionId).filter((chunk) => chunk.ackedAt);
  const bytesSent = acked.reduce((sum, chunk) => sum + chunk.size, 0);
  ctx.deps.update(sessionId, {
    bytesSent,
    bytesTotal: durableBytes,
    ...(complete
      ? { state: 'stopping' as const, statusText: 'Sending the last chunks' }
      : { statusText: `streaming, ${acked.length} chunk${acked.length === 1 ? '' : 's'} received by the API` }),
  });
}

async function finalize(ctx: StreamContext, sessionId: string, stream: MediaStream): Promise<DeliveryOutcome> {
  const { db, client, settings } = ctx.deps;
  const chunks = listStreamChunks(db, sessionId);
  const request = {
    sessionId: remoteIdOf(stream),
    totalChunks: chunks.length,
    totalSize: chunks.reduce((sum, chunk) => sum + chunk.size, 0),
    maxWaitSeconds: 30,
  };
  try {
    if (settings.finalize === 'async') await client.finalizeAsync(request);
    else {
      const finalized = await client.finalize(request);
      updateMediaStream(db, sessionId, { finalizedAt: ctx.at() });
      return finished(ctx, sessionId, finalized.video.uploaded === false ? undefined : finalized.video.s3Url);
    }
  } catch (error) {
    const missing = missingChunksOf(error);
    if (!missing.length) throw error;
    // The API lost chunks it had acknowledged: they go again on the next attempt.
    ctx.synced.delete(sessionId);
    return {
      done: false,
      retryInMs: 1000,
      note: `The ${BACKEND_LABELS.media} is missing chunks ${missing.join(', ')}; sending them again.`,
    };
  }
  updateMediaStream(db, sessionId, { finalizedAt: ctx.at() });
  ctx.deps.update(sessionId, {
    state: 'processing',
    stoppedAt: ctx.at(),
    statusText: 'Finalize requested; the backend is merging the video',
  });
  return awaitVideo(ctx, sessionId, stream);
}

function finished(ctx: StreamContext, sessionId: string, url: string | undefined): DeliveryOutcome {
  if (!url) {
    ctx.deps.update(sessionId, {
      state: 'failed',
      error: `The ${BACKEND_LABELS.media} merged the video but could not store it in S3 (upload_error).`,
    });
    return DONE;
  }
  ctx.deps.update(sessionId, {
    state: 'done',
    recordingUrl: url,
    files: [{ filename: fileNameOf(url), url }],
    statusText: null,
    error: null,
  });
  return DONE;
}

async function awaitVideo(ctx: StreamContext, sessionId: string, stream: MediaStream): Promise<DeliveryOutcome> {
  const { db, client } = ctx.deps;
  let reply;
  try {
    reply = await client.video(remoteIdOf(stream));
  } catch (error) {
    if (!isBackendError(error, 'not-found')) throw error;
    // Finalized, then forgotten before we learnt the outcome: deliver the segment again from the start.
    updateMediaStream(db, sessionId, { initialized: false, finalizedAt: null });
    syncStreamAcks(db, sessionId, [], ctx.at());
    return { done: false, retryInMs: 1000, note: `The ${BACKEND_LABELS.media} lost the session; sending it again.` };
  }
  const outcome = videoOutcome(reply);
  if (outcome.state === 'completed') return finished(ctx, sessionId, outcome.url);
  if (outcome.state === 'failed') {
    ctx.deps.update(sessionId, { state: 'failed', error: `The ${BACKEND_LABELS.media} could not produce the video: ${outcome.reason}.` });
    return DONE;
  }
  const since = ctx.deps.now().getTime() - Date.parse(getMediaStream(db, sessionId)?.finalizedAt ?? ctx.at());
  return stillWorking(since, 'The backend is still merging the video.');
}

/** Sends the planned chunks the API has not acknowledged, in order; returns how many were sent. */
async function sendUnsent(
  ctx: StreamContext,
  stream: MediaStream,
  segment: Segment,
  plan: StreamPlan,
  signal: AbortSignal,
): Promise<number> {
  const { db, client } = ctx.deps;
  const unsent = listStreamChunks(db, stream.sessionId).filter((chunk) => !chunk.ackedAt);
  for (const chunk of unsent) {
    signal.throwIfAborted();
    await client.uploadChunk({
      sessionId: remoteIdOf(stream),
      chunkIndex: chunk.chunkIndex,
      bytes: await readRange(segment.filePath, chunk),
      timestamp: Date.now(),
      filename: `chunk_${chunk.chunkIndex}.${recordedContainer(segment.mimeType)}`,
      contentType: segment.mimeType.split(';')[0] ?? segment.mimeType,
    });
    ackStreamChunk(db, stream.sessionId, chunk.chunkIndex, ctx.at());
    progress(ctx, stream.sessionId, plan.durableBytes, plan.complete);
  }
  return unsent.length;
}

/** Plans and sends until nothing durable is unsent; finalizes once the segment is complete. */
async function stream(ctx: StreamContext, current: MediaStream, segment: Segment, signal: AbortSignal): Promise<DeliveryOutcome> {
  const { db } = ctx.deps;
  for (;;) {
    const plan = planStream(db, current, ctx.limits);
    // More may have become durable while we were sending: plan again before deciding what comes next.
    if ((await sendUnsent(ctx, current, segment, plan, signal)) > 0) continue;
    if (!plan.complete) return { done: false, retryInMs: STREAMING_RECHECK_MS };
    if (listStreamChunks(db, current.sessionId).length === 0) {
      ctx.deps.update(current.sessionId, { state: 'missed', error: 'Nothing was recorded in this part.' });
      return DONE;
    }
    progress(ctx, current.sessionId, plan.durableBytes, true);
    return finalize(ctx, current.sessionId, current);
  }
}

type Segment = ReturnType<typeof listSegments>[number];

function requireStream(db: Database, sessionId: string): { stream: MediaStream; segment: Segment } {
  const stream = getMediaStream(db, sessionId);
  if (!stream) throw new Undeliverable(`Cloud session ${sessionId} has no Media API stream.`);
  const segment = listSegments(db, stream.recordingId).find((s) => s.seq === stream.segmentSeq);
  if (!segment) throw new Undeliverable(`Recording ${stream.recordingId} has no segment ${stream.segmentSeq} any more.`);
  return { stream, segment };
}

async function deliverStream(ctx: StreamContext, sessionId: string, signal: AbortSignal): Promise<DeliveryOutcome> {
  const { db } = ctx.deps;
  const { stream: first, segment } = requireStream(db, sessionId);
  if (first.finalizedAt) return awaitVideo(ctx, sessionId, first);
  if (first.initialized && !ctx.synced.has(sessionId) && (await resync(ctx, sessionId, first)) === 'finalizing') {
    updateMediaStream(db, sessionId, { finalizedAt: ctx.at() });
    return awaitVideo(ctx, sessionId, first);
  }
  const current = requireStream(db, sessionId).stream;
  if (!current.initialized) await init(ctx, sessionId, current, segment.mimeType);
  return stream(ctx, current, segment, signal);
}

/**
 * Streams one recorded segment to the Media Recording API, one outbox attempt at a time: init (idempotent by
 * session ID), then every planned chunk the API has not acknowledged, in order; once the segment is complete,
 * finalize, then wait for the video. The API's chunk status is the truth after a restart or a failed attempt,
 * so an acknowledged chunk is never sent twice.
 */
export function createStreamDelivery(deps: MediaDeliveryDeps) {
  const ctx: StreamContext = {
    deps,
    limits: { recorderChunks: RECORDER_CHUNKS_PER_API_CHUNK, maxBytes: deps.settings.chunkMb * 1024 * 1024 },
    synced: new Set<string>(),
    at: () => deps.now().toISOString(),
  };
  return async (sessionId: string, signal: AbortSignal): Promise<DeliveryOutcome> => {
    try {
      return await deliverStream(ctx, sessionId, signal);
    } catch (error) {
      // Whatever failed, the next attempt asks the API what it holds before sending.
      ctx.synced.delete(sessionId);
      throw error;
    }
  };
}
