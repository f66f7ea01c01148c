import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { recordedContainer, type RecordingKind } from '../../../shared/domain/recording';
import type { KeyedSerialQueue } from '../../../shared/async/serial-queue';
import { AppError } from '../../errors/app-error';
import { insertSegment } from '../catalog/queries/chunks';
import type { ServiceEmitter } from '../service-events';
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
  /** The loaded interview script's id: a paused interview continues only under the script it was recorded with. */
  activeScriptId?: () => string | null;
  /** A listener of this service's events threw (a bug there): the recording goes on regardless. */
  onListenerError?: (event: string, error: unknown) => void;
}

/** What the service tells whoever follows it (the pipeline). */
export interface RecordingEvents extends Record<string, unknown> {
  started: { recordingId: string; kind: RecordingKind };
  /** More of a segment is durable, or the segment has ended. */
  durable: { recordingId: string; segment: number };
  /** Interrupted (the page went away): what is durable is kept, and it waits for the candidate. */
  paused: { recordingId: string };
  /** A paused recording goes on in a new segment. */
  resumed: { recordingId: string; segment: number };
  /** Ended by any path: the renderer's stop (finished, device lost, error, cancelled), a full disk, or a paused one submitted. */
  stopped: { recordingId: string; reason: string | null };
}

export interface Active {
  interviewId: string;
  mimeType: string;
  kind: RecordingKind;
  segment: number;
  file: SegmentFile;
  filePath: string;
  nextIndex: number;
  offset: number;
  lastSha: string | null;
  /** The recorder's time at the end of the last stored chunk, summed over earlier segments. */
  recordedMs: number;
  segmentMediaMs: number;
  /** Continued after a pause: its stored length covers the earlier parts too. */
  resumed?: boolean;
  /** When its recorder was last heard from (a start, a segment, a chunk), in epoch ms: a page gone silent is paused. */
  lastActiveAt: number;
  releaseAwake?: () => void;
}

/** What the service's parts share: its dependencies, the open recordings and the per-recording order. */
export interface Context {
  deps: RecordingServiceDeps;
  now: () => Date;
  active: Map<string, Active>;
  /** Operations on one recording run strictly in order; different recordings run side by side. */
  order: KeyedSerialQueue;
  events: ServiceEmitter<RecordingEvents>;
}

export function running(ctx: Context, recordingId: string): Active {
  const state = ctx.active.get(recordingId);
  if (!state) throw new AppError('CONFLICT', `Recording ${recordingId} is not running.`, { details: { recordingId } });
  return state;
}

export async function openSegment(ctx: Context, recordingId: string, mimeType: string, segment: number) {
  const name = `segment-${String(segment).padStart(3, '0')}.${recordedContainer(mimeType)}`;
  const filePath = path.join(ctx.deps.recordingsDir, recordingId, name);
  const file = await ctx.deps.files.create(filePath);
  insertSegment(ctx.deps.db, { recordingId, seq: segment, filePath, mimeType, startedAt: ctx.now().toISOString() });
  return { file, filePath };
}

/** A fresh segment's writing position, everything before it counted in `recordedMs`. */
export const freshSegment = (segment: number, opened: { file: SegmentFile; filePath: string }, recordedMs: number, now: Date) => ({
  segment,
  lastActiveAt: now.getTime(),
  ...opened,
  nextIndex: 0,
  offset: 0,
  lastSha: null,
  recordedMs,
  segmentMediaMs: 0,
});
