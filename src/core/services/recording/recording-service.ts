import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sha256Hex } from '../../platform/sha256';
import { createKeyedSerialQueue } from '../../../shared/async/serial-queue';
import type { RecordingKind } from '../../../shared/domain/recording';
import { AppError } from '../../errors/app-error';
import { endSegment, insertChunk } from '../catalog/queries/chunks';
import { interviewExists } from '../catalog/queries/interviews';
import { finishRecording, insertRecording, recordingKindOf } from '../catalog/queries/recordings';
import { createServiceEmitter, type ServiceEvents } from '../service-events';
import {
  freshSegment,
  openSegment,
  running,
  type Active,
  type Context,
  type RecordingEvents,
  type RecordingServiceDeps,
} from './recording-context';
import { resumeRecording, submitPaused, suspendRecording } from './recording-pause';

export type { RecordingEvents, RecordingServiceDeps };

export interface ChunkAck {
  index: number;
  offset: number;
  size: number;
  freeBytes: number | null;
  /** Free space fell below the hard floor: the renderer must stop now; everything acknowledged is kept. */
  critical: boolean;
}

export interface ChunkInput {
  recordingId: string;
  segment: number;
  index: number;
  bytes: Uint8Array;
  mediaEndMs?: number;
}

export interface StartInput {
  interviewId: string;
  mimeType: string;
  /** The candidate's recording (`interview`, the default) or the interviewer's backup of the call. */
  kind?: RecordingKind;
}

/** A recorder sends a chunk every second; this long without one (and nothing being written) means its page is gone. */
const STALLED_AFTER_MS = 20_000;

const isDiskFull = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Ends the recording in the catalog and tells the followers; the segment file is closed already. */
function finish(ctx: Context, recordingId: string, state: Active, ended: { durationMs: number; stopReason?: string }): void {
  endSegment(ctx.deps.db, recordingId, state.segment, ctx.now().toISOString());
  finishRecording(ctx.deps.db, recordingId, { state: 'stopped', endedAt: ctx.now().toISOString(), ...ended });
  state.releaseAwake?.();
  ctx.active.delete(recordingId);
  ctx.events.emit('durable', { recordingId, segment: state.segment });
  ctx.events.emit('stopped', { recordingId, reason: ended.stopReason ?? null });
}

/** The disk filled mid-write: cut the torn chunk off, keep everything acknowledged, stop the recording. */
async function stopAfterDiskFull(ctx: Context, recordingId: string, state: Active): Promise<never> {
  await state.file.truncate(state.offset).catch(() => undefined);
  await state.file.datasync().catch(() => undefined);
  await state.file.close().catch(() => undefined);
  finish(ctx, recordingId, state, { durationMs: state.recordedMs + state.segmentMediaMs, stopReason: 'disk-full' });
  throw new AppError(
    'DISK_FULL',
    'The disk is full, so the recording was stopped. Everything recorded up to now is saved; free some space to record again.',
    { details: { recordingId } },
  );
}

async function start(ctx: Context, input: StartInput) {
  if (!interviewExists(ctx.deps.db, input.interviewId)) {
    throw new AppError('CONFLICT', `Interview ${input.interviewId} has no consent on record.`, {
      details: { interviewId: input.interviewId },
    });
  }
  const recordingId = `rec-${ctx.now().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const kind = input.kind ?? 'interview';
  insertRecording(ctx.deps.db, {
    id: recordingId,
    interviewId: input.interviewId,
    state: 'recording',
    mimeType: input.mimeType,
    startedAt: ctx.now().toISOString(),
    runId: ctx.deps.runId,
    kind,
  });
  const opened = await openSegment(ctx, recordingId, input.mimeType, 0);
  ctx.active.set(recordingId, {
    interviewId: input.interviewId,
    mimeType: input.mimeType,
    kind,
    ...freshSegment(0, opened, 0, ctx.now()),
    releaseAwake: ctx.deps.keepAwake?.start(),
  });
  ctx.events.emit('started', { recordingId, kind });
  return { recordingId, segment: 0 };
}

function ackFor(ctx: Context, state: Active, input: ChunkInput, offset: number): ChunkAck {
  const free = ctx.deps.freeBytes(path.dirname(state.filePath));
  return {
    index: input.index,
    offset,
    size: input.bytes.byteLength,
    freeBytes: free,
    critical: free !== null && free < ctx.deps.minFreeBytes,
  };
}

async function storeChunk(ctx: Context, state: Active, input: ChunkInput): Promise<ChunkAck> {
  if (!ctx.active.has(input.recordingId)) throw new AppError('CONFLICT', `Recording ${input.recordingId} has stopped.`);
  const hash = sha256Hex(input.bytes);
  if (input.segment === state.segment && input.index === state.nextIndex - 1 && hash === state.lastSha) {
    return ackFor(ctx, state, input, state.offset - input.bytes.byteLength); // a retry of the chunk just stored
  }
  if (input.segment !== state.segment || input.index !== state.nextIndex) {
    throw new AppError(
      'CONFLICT',
      `Expected chunk ${state.nextIndex} of segment ${state.segment}, got chunk ${input.index} of segment ${input.segment}.`,
    );
  }
  try {
    await state.file.writeAt(input.bytes, state.offset);
    await state.file.datasync();
  } catch (error) {
    if (isDiskFull(error)) return stopAfterDiskFull(ctx, input.recordingId, state);
    throw error;
  }
  const offset = state.offset;
  insertChunk(ctx.deps.db, {
    recordingId: input.recordingId,
    segmentSeq: state.segment,
    idx: input.index,
    byteOffset: offset,
    size: input.bytes.byteLength,
    sha256: hash,
    receivedAt: ctx.now().toISOString(),
    mediaEndMs: input.mediaEndMs === undefined ? null : Math.round(input.mediaEndMs),
  });
  Object.assign(state, {
    offset: offset + input.bytes.byteLength,
    nextIndex: state.nextIndex + 1,
    lastSha: hash,
    lastActiveAt: ctx.now().getTime(),
  });
  if (input.mediaEndMs !== undefined) state.segmentMediaMs = input.mediaEndMs;
  ctx.events.emit('durable', { recordingId: input.recordingId, segment: state.segment });
  return ackFor(ctx, state, input, offset);
}

async function stopRunning(ctx: Context, recordingId: string, state: Active, input: { durationMs: number; stopReason?: string }) {
  await state.file.close();
  // A continued interview's length is every part's: at least what the stored chunks cover.
  const durationMs = state.resumed ? Math.max(input.durationMs, state.recordedMs + state.segmentMediaMs) : input.durationMs;
  finish(ctx, recordingId, state, { durationMs: Math.round(durationMs), stopReason: input.stopReason });
  return { state: 'stopped' as const };
}

/**
 * The page that records went away. The candidate's recording is paused for them to continue; the interviewer's
 * backup is stopped at its last durable chunk instead, so it is finalized and sent: nobody continues a backup.
 */
async function suspendOrStop(ctx: Context, recordingId: string): Promise<{ state: 'paused' | 'stopped' }> {
  const kind = ctx.active.get(recordingId)?.kind ?? recordingKindOf(ctx.deps.db, recordingId);
  if (kind !== 'backup') return suspendRecording(ctx, recordingId);
  return ctx.order.run(recordingId, async (): Promise<{ state: 'paused' | 'stopped' }> => {
    const state = ctx.active.get(recordingId);
    if (!state) return { state: 'stopped' }; // stopped already: asking again changes nothing
    return stopRunning(ctx, recordingId, state, { durationMs: state.recordedMs + state.segmentMediaMs, stopReason: 'interrupted' });
  });
}

async function nextSegment(ctx: Context, recordingId: string, state: Active): Promise<{ segment: number }> {
  await state.file.close();
  endSegment(ctx.deps.db, recordingId, state.segment, ctx.now().toISOString());
  ctx.events.emit('durable', { recordingId, segment: state.segment });
  const segment = state.segment + 1;
  const opened = await openSegment(ctx, recordingId, state.mimeType, segment);
  Object.assign(state, freshSegment(segment, opened, state.recordedMs + state.segmentMediaMs, ctx.now()));
  return { segment };
}

/**
 * Writes one-second chunks durably: each is written at its offset and fdatasync'ed before its catalog row is
 * committed and before it is acknowledged, so an acknowledged chunk survives a crash or power cut. Chunks of
 * one recording are applied strictly in order; a retried chunk is acknowledged again without a second copy.
 * It emits `started`, `durable` and `stopped` (for every way a recording ends); it follows nothing itself.
 */
export function createRecordingService(deps: RecordingServiceDeps) {
  const events = createServiceEmitter<RecordingEvents>(deps.onListenerError);
  const ctx: Context = { deps, now: deps.now ?? (() => new Date()), active: new Map(), order: createKeyedSerialQueue(), events };
  // Async, so that a recording that is not running rejects like every other failure instead of throwing.
  const inOrder = async <T>(recordingId: string, task: (state: Active) => Promise<T>): Promise<T> => {
    const state = running(ctx, recordingId);
    return ctx.order.run(recordingId, () => task(state));
  };

  return {
    on: events.on as ServiceEvents<RecordingEvents>['on'],
    start: (input: StartInput): Promise<{ recordingId: string; segment: number }> => start(ctx, input),
    appendChunk: (input: ChunkInput): Promise<ChunkAck> => inOrder(input.recordingId, (state) => storeChunk(ctx, state, input)),
    /** After a retake, device loss or recorder restart: a new container starts in a new file. */
    startSegment: (input: { recordingId: string }): Promise<{ segment: number }> =>
      inOrder(input.recordingId, (state) => nextSegment(ctx, input.recordingId, state)),
    stop: (input: { recordingId: string; durationMs: number; stopReason?: string }): Promise<{ state: 'stopped' }> =>
      inOrder(input.recordingId, (state) => stopRunning(ctx, input.recordingId, state, input)),
    /** The page that records went away: the segment is closed and the recording waits, paused, for the candidate (a backup stops). */
    suspend: (input: { recordingId: string }): Promise<{ state: 'paused' | 'stopped' }> => suspendOrStop(ctx, input.recordingId),
    /** The candidate continues a paused interview: a new segment of the same recording. */
    resume: (input: { recordingId: string; mimeType: string }) => resumeRecording(ctx, input),
    /** The candidate submits what a paused interview recorded: stopped, so the pipeline finalizes and sends it. */
    submitPaused: (input: { recordingId: string }): Promise<{ state: 'stopped' }> => submitPaused(ctx, input.recordingId),
    /**
     * Recordings whose page went silent without saying goodbye (a browser tab that crashed while the browser host
     * lives on): no chunk for `idleMs` and nothing being written. They are paused, so the candidate is offered them.
     */
    async suspendStalled(idleMs = STALLED_AFTER_MS): Promise<string[]> {
      const busy = new Set(ctx.order.busyKeys());
      const stalled = [...ctx.active].filter(([id, state]) => !busy.has(id) && ctx.now().getTime() - state.lastActiveAt > idleMs);
      await Promise.all(stalled.map(([id]) => suspendOrStop(ctx, id)));
      return stalled.map(([id]) => id);
    },
    /** The window that recorded is gone (its renderer crashed): every running recording is paused for the candidate. */
    async suspendAll(): Promise<void> {
      await Promise.all([...ctx.active.keys()].map((recordingId) => suspendOrStop(ctx, recordingId)));
    },
    /** Closes files of recordings still open (app quit): what was acknowledged is already durable. */
    async closeAll(): Promise<void> {
      await Promise.all([...ctx.active].map(([id, state]) => ctx.order.run(id, () => state.file.close())));
      for (const state of ctx.active.values()) state.releaseAwake?.();
      ctx.active.clear();
    },
  };
}

export type RecordingService = ReturnType<typeof createRecordingService>;
