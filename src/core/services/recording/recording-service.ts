import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sha256Hex } from '../../platform/sha256';
import { recordedContainer } from '../../../shared/domain/recording';
import { IpcError } from '../../../shared/ipc/errors';
import { endSegment, insertChunk, insertSegment } from '../catalog/queries/chunks';
import { finishRecording, insertRecording } from '../catalog/queries/recordings';
import type { SegmentFile, SegmentFiles } from './segment-files';

export interface RecordingServiceDeps {
  db: Database;
  /** This process's run: recordings it owns are not "interrupted" while it lives. */
  runId: string;
  recordingsDir: string;
  files: SegmentFiles;
  freeBytes: (dir: string) => number | null;
  minFreeBytes: number;
  now?: () => Date;
  /** Keeps the display awake while any recording runs (Electron's powerSaveBlocker); optional. */
  keepAwake?: { start(): () => void };
  /** More of a segment is durable, or it has ended: the progressive upload follows. */
  onDurable?: (recordingId: string, segment: number) => void;
  /** A recording began, or ended by any path (stop, disk full): the cloud recordings follow. Must not throw. */
  onStarted?: (recordingId: string) => void;
  onStopped?: (recordingId: string) => void;
}

export interface ChunkAck {
  index: number;
  offset: number;
  size: number;
  freeBytes: number | null;
  /** Free space fell below the hard floor: the renderer must stop now; everything acknowledged is kept. */
  critical: boolean;
}

interface Active {
  interviewId: string;
  mimeType: string;
  segment: number;
  file: SegmentFile;
  filePath: string;
  nextIndex: number;
  offset: number;
  lastSha: string | null;
  /** The recorder's time at the end of the last stored chunk, summed over earlier segments. */
  recordedMs: number;
  segmentMediaMs: number;
  queue: Promise<unknown>;
  releaseAwake?: () => void;
}

const isDiskFull = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * Writes one-second chunks durably: each is written at its offset and fdatasync'ed before its catalog row is
 * committed and before it is acknowledged, so an acknowledged chunk survives a crash or power cut. Chunks of
 * one recording are applied strictly in order; a retried chunk is acknowledged again without a second copy.
 */
export function createRecordingService(deps: RecordingServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const active = new Map<string, Active>();

  const get = (recordingId: string): Active => {
    const state = active.get(recordingId);
    if (!state) throw new IpcError({ code: 'CONFLICT', message: `Recording ${recordingId} is not running.` });
    return state;
  };

  /** Runs `task` after every earlier operation on the same recording. */
  const serial = <T>(state: Active, task: () => Promise<T>): Promise<T> => {
    const result = state.queue.then(task, task);
    state.queue = result.catch(() => undefined);
    return result;
  };

  async function openSegment(recordingId: string, state: Pick<Active, 'mimeType'>, segment: number) {
    const filePath = path.join(
      deps.recordingsDir,
      recordingId,
      `segment-${String(segment).padStart(3, '0')}.${recordedContainer(state.mimeType)}`,
    );
    const file = await deps.files.create(filePath);
    insertSegment(deps.db, { recordingId, seq: segment, filePath, mimeType: state.mimeType, startedAt: now().toISOString() });
    return { file, filePath };
  }

  async function stopAfterDiskFull(recordingId: string, state: Active): Promise<never> {
    await state.file.truncate(state.offset).catch(() => undefined);
    await state.file.datasync().catch(() => undefined);
    await state.file.close().catch(() => undefined);
    endSegment(deps.db, recordingId, state.segment, now().toISOString());
    finishRecording(deps.db, recordingId, {
      state: 'stopped',
      endedAt: now().toISOString(),
      durationMs: state.recordedMs + state.segmentMediaMs,
      stopReason: 'disk-full',
    });
    state.releaseAwake?.();
    active.delete(recordingId);
    deps.onDurable?.(recordingId, state.segment);
    deps.onStopped?.(recordingId);
    throw new IpcError({
      code: 'DISK_FULL',
      message: 'The disk is full, so the recording was stopped. Everything recorded up to now is saved; free some space to record again.',
    });
  }

  return {
    async start(input: { interviewId: string; mimeType: string }): Promise<{ recordingId: string; segment: number }> {
      const recordingId = `rec-${now().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
      insertRecording(deps.db, {
        id: recordingId,
        interviewId: input.interviewId,
        state: 'recording',
        mimeType: input.mimeType,
        startedAt: now().toISOString(),
        runId: deps.runId,
      });
      const { file, filePath } = await openSegment(recordingId, input, 0);
      active.set(recordingId, {
        ...input,
        segment: 0,
        file,
        filePath,
        nextIndex: 0,
        offset: 0,
        lastSha: null,
        recordedMs: 0,
        segmentMediaMs: 0,
        queue: Promise.resolve(),
        releaseAwake: deps.keepAwake?.start(),
      });
      deps.onStarted?.(recordingId);
      return { recordingId, segment: 0 };
    },

    async appendChunk(input: {
      recordingId: string;
      segment: number;
      index: number;
      bytes: Uint8Array;
      mediaEndMs?: number;
    }): Promise<ChunkAck> {
      const state = get(input.recordingId);
      return serial(state, async () => {
        if (!active.has(input.recordingId))
          throw new IpcError({ code: 'CONFLICT', message: `Recording ${input.recordingId} has stopped.` });
        const hash = sha256Hex(input.bytes);
        const ack = (offset: number): ChunkAck => {
          const free = deps.freeBytes(path.dirname(state.filePath));
          return {
            index: input.index,
            offset,
            size: input.bytes.byteLength,
            freeBytes: free,
            critical: free !== null && free < deps.minFreeBytes,
          };
        };
        if (input.segment === state.segment && input.index === state.nextIndex - 1 && hash === state.lastSha) {
          return ack(state.offset - input.bytes.byteLength); // a retry of the chunk just stored
        }
        if (input.segment !== state.segment || input.index !== state.nextIndex) {
          throw new IpcError({
            code: 'CONFLICT',
            message: `Expected chunk ${state.nextIndex} of segment ${state.segment}, got chunk ${input.index} of segment ${input.segment}.`,
          });
        }
        try {
          await state.file.writeAt(input.bytes, state.offset);
          await state.file.datasync();
        } catch (error) {
          if (isDiskFull(error)) return stopAfterDiskFull(input.recordingId, state);
          throw error;
        }
        const offset = state.offset;
        insertChunk(deps.db, {
          recordingId: input.recordingId,
          segmentSeq: state.segment,
          idx: input.index,
          byteOffset: offset,
          size: input.bytes.byteLength,
          sha256: hash,
          receivedAt: now().toISOString(),
          mediaEndMs: input.mediaEndMs === undefined ? null : Math.round(input.mediaEndMs),
        });
        state.offset += input.bytes.byteLength;
        state.nextIndex += 1;
        state.lastSha = hash;
        if (input.mediaEndMs !== undefined) state.segmentMediaMs = input.mediaEndMs;
        deps.onDurable?.(input.recordingId, state.segment);
        return ack(offset);
      });
    },

    /** After a retake, device loss or recorder restart: a new container starts in a new file. */
    async startSegment(input: { recordingId: string }): Promise<{ segment: number }> {
      const state = get(input.recordingId);
      return serial(state, async () => {
        await state.file.close();
        endSegment(deps.db, input.recordingId, state.segment, now().toISOString());
        deps.onDurable?.(input.recordingId, state.segment);
        const segment = state.segment + 1;
        const { file, filePath } = await openSegment(input.recordingId, state, segment);
        Object.assign(state, {
          segment,
          file,
          filePath,
          nextIndex: 0,
          offset: 0,
          lastSha: null,
          recordedMs: state.recordedMs + state.segmentMediaMs,
          segmentMediaMs: 0,
        });
        return { segment };
      });
    },

    async stop(input: { recordingId: string; durationMs: number; stopReason?: string }): Promise<{ state: 'stopped' }> {
      const state = get(input.recordingId);
      return serial(state, async () => {
        await state.file.close();
        endSegment(deps.db, input.recordingId, state.segment, now().toISOString());
        finishRecording(deps.db, input.recordingId, {
          state: 'stopped',
          endedAt: now().toISOString(),
          durationMs: Math.round(input.durationMs),
          stopReason: input.stopReason,
        });
        state.releaseAwake?.();
        active.delete(input.recordingId);
        deps.onDurable?.(input.recordingId, state.segment);
        deps.onStopped?.(input.recordingId);
        return { state: 'stopped' as const };
      });
    },

    /** Closes files of recordings still open (app quit): what was acknowledged is already durable. */
    async closeAll(): Promise<void> {
      await Promise.all([...active.values()].map((state) => serial(state, () => state.file.close())));
      for (const state of active.values()) state.releaseAwake?.();
      active.clear();
    },
  };
}

export type RecordingService = ReturnType<typeof createRecordingService>;
