import fs from 'node:fs/promises';
import path from 'node:path';
import type { FinalizeProgress, RecordingDetail, RecordingOutput } from '../../../shared/domain/recording';
import { formatBytes } from '../../../shared/format';
import { AppError } from '../../errors/app-error';
import { sha256OfFile } from '../../platform/sha256';
import { listSegments, type SegmentRow } from '../catalog/queries/chunks';
import {
  claimForFinalize,
  getRecordingDetail,
  getRecordingOwner,
  markFinalized,
  markRecovered,
  releaseFinalize,
} from '../catalog/queries/recordings';
import type { FfmpegTools } from '../media/locate-ffmpeg';
import { MediaToolError } from '../media/media-tool-runner';
import { reconcileSegments } from '../recovery/reconcile-segments';
import { recordedOutputs } from './deliver-as-recorded';
import type { FinalizeDeps } from './finalize-deps';
import { notEnoughSpace, stopFinalize, stopShort, type StopContext } from './finalize-stop';
import { REMUX_SHARE, remuxOutputs, type Output, type RemuxJob } from './remux-outputs';
import { describeUnreadable, readSources, type Sources } from './source-media';
import { checkAgainstSources, expectationFor, verifyOutput, VerificationError, type Expectation } from './verify-output';

export type { FinalizeDeps };

export interface FinalizeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FinalizeProgress) => void;
}

/** Room for the container's index and ffmpeg's buffers beyond the media bytes themselves. */
const SPACE_MARGIN_BYTES = 16 * 1024 * 1024;

function notFinalizable(recordingId: string, state: string): AppError {
  return new AppError('CONFLICT', `Recording ${recordingId} is ${state} in another process; try again when it has finished.`, {
    retryable: true,
    details: { recordingId, state },
  });
}

/** An interrupted interview is sent only when the candidate (or support, on purpose) submits it. */
const waitingForCandidate = (recordingId: string) =>
  new AppError(
    'CONFLICT',
    `Recording ${recordingId} is a paused interview, waiting for the candidate to continue or submit it; to send it as it is: irec recover --submit-paused.`,
    { details: { recordingId, state: 'paused' } },
  );

const noSuchRecording = (recordingId: string) =>
  new AppError('NOT_FOUND', `There is no recording ${recordingId}.`, { details: { recordingId } });

/** Brings an interrupted recording (its process is gone) back to a stopped one, at its last whole chunk. */
async function recoverIfInterrupted(deps: FinalizeDeps, recordingId: string): Promise<void> {
  const owner = getRecordingOwner(deps.db, recordingId);
  if (!owner) throw noSuchRecording(recordingId);
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

/**
 * The media tools (UNAVAILABLE, with instructions, when there are none), the recording recovered if a crash
 * interrupted it (NOT_FOUND when a segment file is missing), and the claim on it; or why not.
 */
async function claim(deps: FinalizeDeps, recordingId: string): Promise<FfmpegTools> {
  const tools = deps.tools();
  if (getRecordingOwner(deps.db, recordingId)?.state === 'paused') throw waitingForCandidate(recordingId);
  await recoverIfInterrupted(deps, recordingId);
  if (!claimForFinalize(deps.db, recordingId, deps.run.id))
    throw notFinalizable(recordingId, getRecordingOwner(deps.db, recordingId)!.state);
  return tools;
}

/** One claimed finalize: what the steps below share. */
interface FinalizeRun extends StopContext {
  tools: FfmpegTools;
  recording: RecordingDetail;
  segments: SegmentRow[];
  signal?: AbortSignal;
}

/** Claims the recording and checks there is something to finalize and room to write it. */
async function startRun(deps: FinalizeDeps, recordingId: string, options: FinalizeOptions): Promise<FinalizeRun> {
  const report: StopContext['report'] = (stage, fraction, message) =>
    options.onProgress?.({ recordingId, stage, fraction: Math.min(1, Math.max(0, fraction)), ...(message ? { message } : {}) });
  const tools = await claim(deps, recordingId);
  const segments = listSegments(deps.db, recordingId).filter((s) => s.chunkCount > 0);
  const run: FinalizeRun = {
    deps,
    recordingId,
    report,
    tools,
    recording: getRecordingDetail(deps.db, recordingId)!,
    segments,
    signal: options.signal,
    dir: segments[0] ? path.dirname(segments[0].filePath) : '',
    neededBytes: segments.reduce((sum, s) => sum + s.bytes, 0) + SPACE_MARGIN_BYTES,
    reserveBytes: deps.reserveBytes ?? 0,
  };
  if (segments.length === 0) throw stopFinalize(run, 'failed', 'MEDIA_ERROR', 'Nothing was recorded: there are no chunks on disk.');
  const free = deps.freeBytes(run.dir);
  if (free !== null && free < run.neededBytes + run.reserveBytes) throw notEnoughSpace(run, free);
  return run;
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
  const before = getRecordingDetail(deps.db, recordingId);
  if (!before) throw noSuchRecording(recordingId);
  if (before.state === 'finalized' || before.state === 'uploaded') return before;
  const run = await startRun(deps, recordingId, options);
  const temporary: string[] = [];
  const written: string[] = [];
  let sources: Sources | undefined;
  try {
    run.report('remuxing', 0);
    sources = await readSources(run.tools.ffprobe, run.segments, run.signal);
    return await makeFinalFiles(run, sources, { temporary, written });
  } catch (error) {
    await Promise.all(written.map((file) => fs.rm(file, { force: true })));
    const cannotMake = error instanceof VerificationError || (error instanceof MediaToolError && error.kind === 'failed');
    if (!cannotMake || !sources) return stopShort(run, error);
    const reason = error instanceof VerificationError ? `verification failed: ${error.message}` : `ffmpeg failed: ${error.message}`;
    return await deliverAsRecorded(run, sources, reason).catch((stop: unknown) => stopShort(run, stop));
  } finally {
    await Promise.all(temporary.map((file) => fs.rm(file, { force: true })));
  }
}

/** Remuxes the readable sources into verified, hashed files; `files` collects what to remove if it stops short. */
async function makeFinalFiles(run: FinalizeRun, sources: Sources, files: { temporary: string[]; written: string[] }) {
  if (sources.readable.length === 0) throw unreadableData(run, sources.unreadable);
  const totalMs = sources.readable.reduce((sum, s) => sum + s.span.durationMs, 0);
  const job: RemuxJob = { db: run.deps.db, tools: run.tools, recording: run.recording, sources: sources.readable, dir: run.dir, totalMs };
  const outputs = await remuxOutputs(job, { signal: run.signal, ...files, report: run.report });
  run.report('verifying', REMUX_SHARE);
  const verified = await verifyAll(run.tools.ffprobe, outputs, expectationFor(run.segments[0]!.mimeType), run.signal);
  const skipped = sources.unreadable.length ? `Left out, unreadable: ${describeUnreadable(sources.unreadable)}.` : undefined;
  return finish(run, verified, skipped);
}

function finish(run: FinalizeRun, outputs: RecordingOutput[], note?: string): RecordingDetail {
  const durationMs = outputs.reduce((sum, o) => sum + o.durationMs, 0);
  const finalizedAt = (run.deps.now ?? (() => new Date()))().toISOString();
  markFinalized(run.deps.db, run.recordingId, { outputs, finalizedAt, durationMs, note });
  run.report('finalized', 1);
  return getRecordingDetail(run.deps.db, run.recordingId)!;
}

function unreadableData(run: FinalizeRun, unreadable: Sources['unreadable']): AppError {
  const message = `The recorded data cannot be read: ${describeUnreadable(unreadable)}. The recorded chunks are kept.`;
  return stopFinalize(run, 'failed', 'MEDIA_ERROR', message);
}

/** No single verified file: the segment files that decode become the delivered outputs. */
async function deliverAsRecorded(run: FinalizeRun, sources: Sources, reason: string): Promise<RecordingDetail> {
  const { outputs, undecodable } = await recordedOutputs(run.tools.ffprobe, sources.readable, run.signal);
  const unreadable = [...sources.unreadable, ...undecodable.map(({ source, reason: why }) => ({ segment: source.segment, reason: why }))];
  if (outputs.length === 0) throw unreadableData(run, unreadable);
  const left = unreadable.length ? ` Left out, unreadable: ${describeUnreadable(unreadable)}.` : '';
  return finish(run, outputs, `No single video file could be made (${reason}); delivered as recorded, ${outputs.length} file(s).${left}`);
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
