import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FinalizeProgress, RecordingDetail, RecordingOutput } from '../../../shared/domain/recording';
import { formatBytes } from '../../../shared/format';
import { IpcError } from '../../../shared/ipc/errors';
import { sha256OfFile } from '../../platform/sha256';
import { listSegments } from '../catalog/queries/chunks';
import {
  claimForFinalize,
  getRecordingDetail,
  getRecordingOwner,
  markFinalized,
  markRecovered,
  releaseFinalize,
} from '../catalog/queries/recordings';
import { MediaToolsMissingError, type FfmpegTools } from '../media/locate-ffmpeg';
import { MediaToolError } from '../media/media-tool-runner';
import { reconcileSegments, SegmentMissingError } from '../recovery/reconcile-segments';
import type { Run } from '../recovery/run-registry';
import { recordedOutputs } from './deliver-as-recorded';
import { REMUX_SHARE, remuxOutputs, type Output, type RemuxJob } from './remux-outputs';
import { describeUnreadable, readSources, type Sources } from './source-media';
import { checkAgainstSources, expectationFor, verifyOutput, VerificationError, type Expectation } from './verify-output';

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

/** The media tools, the recording recovered if a crash interrupted it, and the claim on it; or why not. */
async function claim(deps: FinalizeDeps, recordingId: string): Promise<FfmpegTools> {
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
  return tools;
}

/**
 * Turns a recording's segment files into its final, seekable file by stream copy (never a re-encode): one
 * segment is remuxed, several are joined by the concat demuxer when their streams match (else each becomes its
 * own file). Question markers become chapters. The output is written under a temporary name, flushed, renamed,
 * then verified against what the acknowledged chunks hold (every packet, their media time, a tail that decodes)
 * and hashed; only then is the recording `finalized`. If no such file can be made, the segment files themselves
 * are delivered (`recordedOutputs`); only data that does not decode at all ends `failed`, with the reason.
 * Cancelling or a full disk leave the recording ready to retry; the segment files are never changed.
 */
export async function finalizeRecording(deps: FinalizeDeps, recordingId: string, options: FinalizeOptions = {}): Promise<RecordingDetail> {
  const { signal } = options;
  const now = deps.now ?? (() => new Date());
  const report = (stage: FinalizeProgress['stage'], fraction: number, message?: string) =>
    options.onProgress?.({ recordingId, stage, fraction: Math.min(1, Math.max(0, fraction)), ...(message ? { message } : {}) });

  const before = getRecordingDetail(deps.db, recordingId);
  if (!before) throw new IpcError({ code: 'NOT_FOUND', message: `There is no recording ${recordingId}.` });
  if (before.state === 'finalized' || before.state === 'uploaded') return before;
  const tools = await claim(deps, recordingId);

  const recording = getRecordingDetail(deps.db, recordingId)!;
  const segments = listSegments(deps.db, recordingId).filter((s) => s.chunkCount > 0);
  const fail = (
    state: 'stopped' | 'failed',
    code: 'DISK_FULL' | 'CANCELLED' | 'MEDIA_ERROR' | 'UNAVAILABLE',
    message: string,
  ): IpcError => {
    releaseFinalize(deps.db, recordingId, { state, error: message });
    report(code === 'CANCELLED' ? 'cancelled' : 'failed', 0, message);
    return new IpcError({ code, message });
  };
  if (segments.length === 0) throw fail('failed', 'MEDIA_ERROR', 'Nothing was recorded: there are no chunks on disk.');

  const dir = path.dirname(segments[0]!.filePath);
  const needed = segments.reduce((sum, s) => sum + s.bytes, 0) + SPACE_MARGIN_BYTES;
  const reserve = deps.reserveBytes ?? 0;
  const free = deps.freeBytes(dir);
  if (free !== null && free < needed + reserve) throw fail('stopped', 'DISK_FULL', diskFullMessage(needed, free, reserve));

  const finish = (outputs: RecordingOutput[], note?: string) => {
    const durationMs = outputs.reduce((sum, o) => sum + o.durationMs, 0);
    markFinalized(deps.db, recordingId, { outputs, finalizedAt: now().toISOString(), durationMs, note });
    report('finalized', 1);
    return getRecordingDetail(deps.db, recordingId)!;
  };
  const temporary: string[] = [];
  const written: string[] = [];
  let sources: Sources | undefined;
  try {
    report('remuxing', 0);
    sources = await readSources(tools.ffprobe, segments, signal);
    if (sources.readable.length === 0) throw unreadableData(sources.unreadable);
    const totalMs = sources.readable.reduce((sum, s) => sum + s.span.durationMs, 0);
    const job: RemuxJob = { db: deps.db, tools, recording, sources: sources.readable, dir, totalMs };
    const outputs = await remuxOutputs(job, { signal, temporary, written, report });
    report('verifying', REMUX_SHARE);
    const verified = await verifyAll(tools.ffprobe, outputs, expectationFor(segments[0]!.mimeType), signal);
    const skipped = sources.unreadable.length ? `Left out, unreadable: ${describeUnreadable(sources.unreadable)}.` : undefined;
    return finish(verified, skipped);
  } catch (error) {
    await Promise.all(written.map((file) => fs.rm(file, { force: true })));
    const cannotMake = error instanceof VerificationError || (error instanceof MediaToolError && error.kind === 'failed');
    if (!cannotMake || !sources) return stopShort(error);
    const reason = error instanceof VerificationError ? `verification failed: ${error.message}` : `ffmpeg failed: ${error.message}`;
    return await deliverAsRecorded(sources, reason).catch(stopShort);
  } finally {
    await Promise.all(temporary.map((file) => fs.rm(file, { force: true })));
  }

  function unreadableData(unreadable: Sources['unreadable']): IpcError {
    return fail(
      'failed',
      'MEDIA_ERROR',
      `The recorded data cannot be read: ${describeUnreadable(unreadable)}. The recorded chunks are kept.`,
    );
  }

  /** Every other way finalize stops short: the state it leaves the recording in, and what the caller is told. */
  function stopShort(error: unknown): never {
    if (error instanceof IpcError) throw error;
    if (error instanceof MediaToolError && error.kind === 'cancelled')
      throw fail('stopped', 'CANCELLED', 'Finalize was cancelled; it can be run again.');
    if (error instanceof MediaToolError && error.kind === 'disk-full') {
      throw fail('stopped', 'DISK_FULL', diskFullMessage(needed, deps.freeBytes(dir), reserve));
    }
    if (error instanceof MediaToolError && error.kind === 'not-started') {
      throw fail(
        'stopped',
        'UNAVAILABLE',
        `${error.message}. Check the ffmpeg installation, then finalize again; nothing recorded was lost.`,
      );
    }
    releaseFinalize(deps.db, recordingId, { state: 'failed', error: (error as Error).message });
    throw error;
  }

  /** No single verified file: the segment files that decode become the delivered outputs. */
  async function deliverAsRecorded(readSources: Sources, reason: string): Promise<RecordingDetail> {
    const { outputs, undecodable } = await recordedOutputs(tools.ffprobe, readSources.readable, signal);
    const unreadable = [
      ...readSources.unreadable,
      ...undecodable.map(({ source, reason: why }) => ({ segment: source.segment, reason: why })),
    ];
    if (outputs.length === 0) throw unreadableData(unreadable);
    const left = unreadable.length ? ` Left out, unreadable: ${describeUnreadable(unreadable)}.` : '';
    return finish(outputs, `No single video file could be made (${reason}); delivered as recorded, ${outputs.length} file(s).${left}`);
  }
}

/** Each output verified against the sources it was made from; the results, hashed, are the recording's outputs. */
async function verifyAll(ffprobe: string, outputs: readonly Output[], expectation: Expectation, signal?: AbortSignal) {
  const verified: RecordingOutput[] = [];
  for (const [seq, { file, container, joined, sources }] of outputs.entries()) {
    // ffprobe's reading and the hash's reading of the same file overlap: the second finds it in the page cache.
    const [media, sha256] = await Promise.all([
      verifyOutput(ffprobe, file, joined ? expectation : { ...expectation, videoCodec: null }, signal),
      sha256OfFile(file),
    ]);
    checkAgainstSources(
      media,
      sources.map((source) => source.span),
    );
    const { size } = await fs.stat(file);
    verified.push({ seq, filePath: file, container, durationMs: Math.round(media.durationMs), size, sha256 });
  }
  return verified;
}

function diskFullMessage(neededBytes: number, freeBytes: number | null, reserveBytes: number): string {
  const kept = reserveBytes > 0 ? `, plus ${formatBytes(reserveBytes)} kept free for the system` : '';
  const free = freeBytes === null ? '' : ` (${formatBytes(freeBytes)} free)`;
  return `Not enough disk space to finalize: about ${formatBytes(neededBytes)} is needed${kept}${free}. Free some space, then finalize again; nothing recorded was lost.`;
}
