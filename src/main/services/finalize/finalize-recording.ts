import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FinalizeProgress, RecordingDetail, RecordingOutput } from '../../../shared/domain/recording';
import { formatBytes } from '../../../shared/format';
import { IpcError } from '../../../shared/ipc/errors';
import { fsyncDirectory, fsyncFile } from '../../platform/durable-fs';
import { sha256OfFile } from '../../platform/sha256';
import { listSegments, type SegmentRow } from '../catalog/queries/chunks';
import { listEvents } from '../catalog/queries/events';
import {
  claimForFinalize,
  getRecordingDetail,
  getRecordingOwner,
  markFinalized,
  markRecovered,
  releaseFinalize,
} from '../catalog/queries/recordings';
import { MediaToolsMissingError, type FfmpegTools } from '../media/locate-ffmpeg';
import { MediaToolError, runMediaTool } from '../media/media-tool-runner';
import { probeMedia } from '../media/probe';
import { concatList, containerFor, ffmetadata, remuxArgs, type Container, type RemuxPlan } from '../media/remux-args';
import { reconcileSegments, SegmentMissingError } from '../recovery/reconcile-segments';
import type { Run } from '../recovery/run-registry';
import { chaptersFromMarkers } from './chapters';
import { checkDuration, expectationFor, verifyOutput, VerificationError } from './verify-output';

export interface FinalizeDeps {
  db: Database;
  /** The ffmpeg/ffprobe pair; throws MediaToolsMissingError with instructions when there is none. */
  tools: () => FfmpegTools;
  run: Run;
  freeBytes: (dir: string) => number | null;
  /** Free space a finalize must leave (the recording hard floor), so the system keeps room to work. */
  reserveBytes?: number;
  now?: () => Date;
}

export interface FinalizeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FinalizeProgress) => void;
}

/** Room for the container's index and ffmpeg's buffers beyond the media bytes themselves. */
const SPACE_MARGIN_BYTES = 16 * 1024 * 1024;
const REMUX_SHARE = 0.9;

/** Each segment's streams, as a signature: equal signatures can be joined by the concat demuxer, no re-encode. */
async function streamSignatures(ffprobe: string, segments: readonly SegmentRow[], signal?: AbortSignal) {
  return Promise.all(
    segments.map(async (s) => {
      const streams = (await probeMedia(ffprobe, s.filePath, signal)).streams;
      const video = streams.find((stream) => stream.type === 'video')?.codec ?? 'none';
      return { video, key: JSON.stringify(streams.map(({ type, codec, width, height }) => [type, codec, width, height])) };
    }),
  );
}

function notFinalizable(recordingId: string, state: string): IpcError {
  return new IpcError({
    code: 'CONFLICT',
    message: `Recording ${recordingId} is ${state} in another process; try again when it has finished.`,
  });
}

/** Brings an interrupted recording (its process is gone) back to a stopped one, at its last whole chunk. */
async function recoverIfInterrupted(deps: FinalizeDeps, recordingId: string): Promise<void> {
  const owner = getRecordingOwner(deps.db, recordingId);
  if (!owner) throw new IpcError({ code: 'NOT_FOUND', message: `There is no recording ${recordingId}.` });
  const interrupted = owner.state === 'recording' || owner.state === 'finalizing';
  if (interrupted && deps.run.isRunAlive(owner.runId)) throw notFinalizable(recordingId, owner.state);
  const now = (deps.now ?? (() => new Date()))().toISOString();
  await reconcileSegments(deps.db, recordingId, (result) => {
    if (owner.state === 'finalizing') releaseFinalize(deps.db, recordingId, { state: 'stopped', error: 'finalize was interrupted' });
    if (owner.state !== 'recording') return;
    const cut = result.truncatedBytes > 0 ? `; ${formatBytes(result.truncatedBytes)} of an unfinished chunk cut off` : '';
    markRecovered(deps.db, recordingId, {
      endedAt: result.lastChunkAt,
      durationMs: result.estimatedDurationMs,
      recoveredAt: now,
      note: `recovered after the app stopped while recording${cut}`,
    });
  });
}

interface Job {
  segments: SegmentRow[];
  dir: string;
  container: Container;
  expectedMs: number | null;
}

/**
 * Turns a recording's segment files into its final, seekable file by stream copy (never a re-encode): one
 * segment is remuxed, several are joined by the concat demuxer when their streams match (else each becomes its
 * own file). Question markers become chapters. The output is written under a temporary name, flushed, renamed,
 * then verified with ffprobe and hashed; only then is the recording `finalized`. On failure the segment files and
 * chunks stay untouched and the recording keeps the reason; cancelling or a full disk leave it ready to retry.
 */
export async function finalizeRecording(deps: FinalizeDeps, recordingId: string, options: FinalizeOptions = {}): Promise<RecordingDetail> {
  const { signal } = options;
  const now = deps.now ?? (() => new Date());
  const report = (stage: FinalizeProgress['stage'], fraction: number, message?: string) =>
    options.onProgress?.({ recordingId, stage, fraction: Math.min(1, Math.max(0, fraction)), ...(message ? { message } : {}) });

  const before = getRecordingDetail(deps.db, recordingId);
  if (!before) throw new IpcError({ code: 'NOT_FOUND', message: `There is no recording ${recordingId}.` });
  if (before.state === 'finalized' || before.state === 'uploaded') return before;

  let tools: FfmpegTools;
  try {
    tools = deps.tools();
  } catch (error) {
    if (error instanceof MediaToolsMissingError) throw new IpcError({ code: 'UNAVAILABLE', message: error.message });
    throw error;
  }
  try {
    await recoverIfInterrupted(deps, recordingId);
  } catch (error) {
    if (error instanceof SegmentMissingError) throw new IpcError({ code: 'NOT_FOUND', message: error.message });
    throw error;
  }
  if (!claimForFinalize(deps.db, recordingId, deps.run.id))
    throw notFinalizable(recordingId, getRecordingOwner(deps.db, recordingId)!.state);

  const recording = getRecordingDetail(deps.db, recordingId)!;
  const segments = listSegments(deps.db, recordingId).filter((s) => s.chunkCount > 0);
  const fail = (state: 'stopped' | 'failed', code: 'DISK_FULL' | 'CANCELLED' | 'MEDIA_ERROR', message: string): IpcError => {
    releaseFinalize(deps.db, recordingId, { state, error: message });
    report(code === 'CANCELLED' ? 'cancelled' : 'failed', 0, message);
    return new IpcError({ code, message });
  };
  if (segments.length === 0) throw fail('failed', 'MEDIA_ERROR', 'Nothing was recorded: there are no chunks on disk.');

  const job: Job = {
    segments,
    dir: path.dirname(segments[0]!.filePath),
    container: containerFor(segments[0]!.mimeType),
    expectedMs: recording.durationMs,
  };
  const needed = segments.reduce((sum, s) => sum + s.bytes, 0) + SPACE_MARGIN_BYTES;
  const reserve = deps.reserveBytes ?? 0;
  const free = deps.freeBytes(job.dir);
  if (free !== null && free < needed + reserve) throw fail('stopped', 'DISK_FULL', diskFullMessage(needed, free, reserve));

  const temporary: string[] = [];
  const written: string[] = [];
  try {
    report('remuxing', 0);
    const outputs = await remuxAll(deps, tools, job, recording, { signal, temporary, written, report });
    report('verifying', REMUX_SHARE);
    const expectation = expectationFor(job.segments[0]!.mimeType);
    const verified: RecordingOutput[] = [];
    for (const [seq, { file, container, joined }] of outputs.entries()) {
      const durationMs = await verifyOutput(tools.ffprobe, file, joined ? expectation : { ...expectation, videoCodec: null }, signal);
      const { size } = await fs.stat(file);
      verified.push({ seq, filePath: file, container, durationMs: Math.round(durationMs), size, sha256: await sha256OfFile(file) });
    }
    const totalMs = verified.reduce((sum, o) => sum + o.durationMs, 0);
    if (job.expectedMs !== null) checkDuration(totalMs, job.expectedMs);
    markFinalized(deps.db, recordingId, { outputs: verified, finalizedAt: now().toISOString(), durationMs: totalMs });
    report('finalized', 1);
    return getRecordingDetail(deps.db, recordingId)!;
  } catch (error) {
    await Promise.all(written.map((file) => fs.rm(file, { force: true })));
    if (error instanceof MediaToolError && error.kind === 'cancelled')
      throw fail('stopped', 'CANCELLED', 'Finalize was cancelled; it can be run again.');
    if (error instanceof MediaToolError && error.kind === 'disk-full') {
      throw fail('stopped', 'DISK_FULL', diskFullMessage(needed, deps.freeBytes(job.dir), reserve));
    }
    if (error instanceof VerificationError)
      throw fail('failed', 'MEDIA_ERROR', `Verification failed: ${error.message}. The recorded chunks are kept.`);
    if (error instanceof MediaToolError) throw fail('failed', 'MEDIA_ERROR', `ffmpeg could not finalize the recording: ${error.message}`);
    releaseFinalize(deps.db, recordingId, { state: 'failed', error: (error as Error).message });
    throw error;
  } finally {
    await Promise.all(temporary.map((file) => fs.rm(file, { force: true })));
  }
}

function diskFullMessage(neededBytes: number, freeBytes: number | null, reserveBytes: number): string {
  const kept = reserveBytes > 0 ? `, plus ${formatBytes(reserveBytes)} kept free for the system` : '';
  const free = freeBytes === null ? '' : ` (${formatBytes(freeBytes)} free)`;
  return `Not enough disk space to finalize: about ${formatBytes(neededBytes)} is needed${kept}${free}. Free some space, then finalize again; nothing recorded was lost.`;
}

interface Output {
  file: string;
  container: Container;
  /** All segments in this one file; else the codec is checked per file, not against the recorder's type. */
  joined: boolean;
}

interface RemuxContext {
  signal?: AbortSignal;
  /** Files to remove whatever happens (lists, chapters, partial outputs). */
  temporary: string[];
  /** Final files written so far, removed if a later step fails. */
  written: string[];
  report: (stage: FinalizeProgress['stage'], fraction: number) => void;
}

interface OutputGroup {
  segments: SegmentRow[];
  container: Container;
}

/** All segments into one file when their streams match; otherwise one file each, in the container its codec needs. */
async function outputGroups(tools: FfmpegTools, job: Job, signal?: AbortSignal): Promise<OutputGroup[]> {
  if (job.segments.length === 1) return [{ segments: job.segments, container: job.container }];
  const signatures = await streamSignatures(tools.ffprobe, job.segments, signal);
  if (signatures.every((s) => s.key === signatures[0]!.key)) return [{ segments: job.segments, container: job.container }];
  return job.segments.map((segment, i) => ({ segments: [segment], container: containerFor(signatures[i]!.video) }));
}

async function remuxAll(
  deps: FinalizeDeps,
  tools: FfmpegTools,
  job: Job,
  recording: RecordingDetail,
  ctx: RemuxContext,
): Promise<Output[]> {
  const groups = await outputGroups(tools, job, ctx.signal);
  const metadata = { title: recording.interviewTitle, comment: `Interview Recorder ${recording.id}`, creation_time: recording.startedAt };
  const outputs: Output[] = [];
  let doneMs = 0;
  for (const [part, { segments, container }] of groups.entries()) {
    const name = groups.length === 1 ? recording.id : `${recording.id}-part${part + 1}`;
    const output = path.join(job.dir, `${name}.${container}`);
    const partial = path.join(job.dir, `.${name}.partial.${container}`);
    ctx.temporary.push(partial);
    const input = await inputFor(segments, job.dir, part, ctx.temporary);
    // Chapters need one timeline: only a recording that becomes a single file gets them.
    const chaptersFile = groups.length === 1 ? await writeChapters(deps.db, recording.id, job, ctx.temporary) : undefined;
    const plan: RemuxPlan = { input, chaptersFile, output: partial, container, metadata };
    const totalMs = job.expectedMs ?? 0;
    let partMs = 0; // ffmpeg's last report is the end of this part: where the next part's progress starts
    await runMediaTool(tools.ffmpeg, remuxArgs(plan), {
      signal: ctx.signal,
      onMediaTime: (ms) => {
        partMs = ms;
        if (totalMs > 0) ctx.report('remuxing', ((doneMs + ms) / totalMs) * REMUX_SHARE);
      },
    });
    doneMs += partMs;
    await fsyncFile(partial);
    await fs.rename(partial, output);
    ctx.written.push(output);
    outputs.push({ file: output, container, joined: groups.length === 1 });
  }
  await fsyncDirectory(job.dir);
  return outputs;
}

async function inputFor(group: readonly SegmentRow[], dir: string, part: number, temporary: string[]): Promise<RemuxPlan['input']> {
  if (group.length === 1) return { kind: 'file', path: group[0]!.filePath };
  const listFile = path.join(dir, `.concat-${part}.txt`);
  temporary.push(listFile);
  await fs.writeFile(listFile, concatList(group.map((s) => s.filePath)));
  return { kind: 'concat', listFile };
}

async function writeChapters(db: Database, recordingId: string, job: Job, temporary: string[]): Promise<string | undefined> {
  const chapters = chaptersFromMarkers(listEvents(db, recordingId), job.expectedMs ?? Number.MAX_SAFE_INTEGER);
  if (chapters.length === 0) return undefined;
  const file = path.join(job.dir, '.chapters.ffmeta');
  temporary.push(file);
  await fs.writeFile(file, ffmetadata(chapters));
  return file;
}
