import { AppError } from '../../errors/app-error';
import { endSegment, listSegments } from '../catalog/queries/chunks';
import { claimPaused, markPaused, recordedMsOf, scriptIdOf, stopPaused } from '../catalog/queries/paused-recordings';
import { getRecordingDetail, getRecordingOwner } from '../catalog/queries/recordings';
import { freshSegment, openSegment, type Context } from './recording-context';

const notPaused = (recordingId: string, state: string) =>
  new AppError('CONFLICT', `Recording ${recordingId} is ${state}, not paused.`, { details: { recordingId, state } });

function stateOf(ctx: Context, recordingId: string): string {
  const owner = getRecordingOwner(ctx.deps.db, recordingId);
  if (!owner) throw new AppError('NOT_FOUND', `There is no recording ${recordingId}.`, { details: { recordingId } });
  return owner.state;
}

/**
 * Closes the running segment at its last acknowledged chunk and pauses the recording. In order after any chunk
 * still being written; a chunk arriving later is refused. Asking again for a paused recording changes nothing.
 */
export async function suspendRecording(ctx: Context, recordingId: string): Promise<{ state: 'paused' }> {
  if (!ctx.active.has(recordingId)) {
    const state = stateOf(ctx, recordingId);
    if (state === 'paused') return { state: 'paused' };
    throw notPaused(recordingId, state);
  }
  return ctx.order.run(recordingId, async () => {
    const state = ctx.active.get(recordingId);
    if (!state) return { state: 'paused' as const }; // suspended (or stopped) by the call just before this one
    await state.file.close();
    const now = ctx.now().toISOString();
    ctx.deps.db.transaction(() => {
      endSegment(ctx.deps.db, recordingId, state.segment, now);
      markPaused(ctx.deps.db, recordingId, { pausedAt: now, durationMs: state.recordedMs + state.segmentMediaMs });
    })();
    state.releaseAwake?.();
    ctx.active.delete(recordingId);
    ctx.events.emit('durable', { recordingId, segment: state.segment });
    ctx.events.emit('paused', { recordingId });
    return { state: 'paused' as const };
  });
}

function assertSameScript(ctx: Context, recordingId: string): void {
  const loaded = ctx.deps.activeScriptId?.();
  if (loaded === undefined) return;
  const scriptId = scriptIdOf(ctx.deps.db, recordingId);
  if (scriptId !== loaded) {
    throw new AppError('CONFLICT', `Recording ${recordingId} was made with another interview script; it can only be submitted.`, {
      details: { recordingId, scriptId, loaded },
    });
  }
}

/** Goes on with a paused recording in a new segment (after every earlier one), its recorded time restored. */
export async function resumeRecording(ctx: Context, input: { recordingId: string; mimeType: string }) {
  const { recordingId, mimeType } = input;
  return ctx.order.run(recordingId, async () => {
    const state = stateOf(ctx, recordingId);
    if (state !== 'paused') throw notPaused(recordingId, state);
    assertSameScript(ctx, recordingId);
    if (!claimPaused(ctx.deps.db, recordingId, ctx.deps.runId)) throw notPaused(recordingId, stateOf(ctx, recordingId));
    const recordedMs = recordedMsOf(ctx.deps.db, recordingId);
    const segment = Math.max(-1, ...listSegments(ctx.deps.db, recordingId).map((s) => s.seq)) + 1;
    const opened = await openSegment(ctx, recordingId, mimeType, segment);
    const interviewId = getRecordingDetail(ctx.deps.db, recordingId)!.interviewId;
    ctx.active.set(recordingId, {
      interviewId,
      mimeType,
      kind: 'interview', // a backup is stopped, never paused: only a candidate's recording is continued
      ...freshSegment(segment, opened, recordedMs, ctx.now()),
      resumed: true,
      releaseAwake: ctx.deps.keepAwake?.start(),
    });
    ctx.events.emit('resumed', { recordingId, segment });
    return { recordingId, segment, recordedMs };
  });
}

/** A paused recording is submitted as it is: stopped (reason `interrupted`), which the pipeline finalizes and sends. */
export async function submitPaused(ctx: Context, recordingId: string): Promise<{ state: 'stopped' }> {
  return ctx.order.run(recordingId, async () => {
    const state = stateOf(ctx, recordingId);
    if (state === 'stopped' || state === 'finalizing' || state === 'finalized' || state === 'uploaded')
      return { state: 'stopped' as const };
    if (!stopPaused(ctx.deps.db, recordingId, { endedAt: ctx.now().toISOString(), stopReason: 'interrupted' })) {
      throw notPaused(recordingId, state);
    }
    ctx.events.emit('stopped', { recordingId, reason: 'interrupted' });
    return { state: 'stopped' as const };
  });
}
