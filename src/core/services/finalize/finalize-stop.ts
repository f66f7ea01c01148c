import type { FinalizeProgress } from '../../../shared/domain/recording';
import { formatBytes } from '../../../shared/format';
import { AppError } from '../../errors/app-error';
import { releaseFinalize } from '../catalog/queries/recordings';
import { MediaToolError } from '../media/media-tool-runner';
import type { FinalizeDeps } from './finalize-deps';

/** What a finalize that stops short needs to know to leave the recording right and tell the caller why. */
export interface StopContext {
  deps: FinalizeDeps;
  recordingId: string;
  report(stage: FinalizeProgress['stage'], fraction: number, message?: string): void;
  /** Where the output would be written, and the space it needs beside the system's reserve. */
  dir: string;
  neededBytes: number;
  reserveBytes: number;
}

/** A finalize stopped short on purpose: the recording has already been released, the error only travels up. */
class FinalizeStopped extends AppError {}

type StopCode = 'DISK_FULL' | 'CANCELLED' | 'MEDIA_ERROR' | 'UNAVAILABLE';

/**
 * Releases the recording to `state` with the reason and reports it. `stopped` keeps it ready to finalize again
 * (so the error is retryable); `failed` means its data cannot make a file.
 */
export function stopFinalize(ctx: StopContext, state: 'stopped' | 'failed', code: StopCode, message: string): AppError {
  releaseFinalize(ctx.deps.db, ctx.recordingId, { state, error: message });
  ctx.report(code === 'CANCELLED' ? 'cancelled' : 'failed', 0, message);
  return new FinalizeStopped(code, message, { retryable: state === 'stopped', details: { recordingId: ctx.recordingId } });
}

export function notEnoughSpace(ctx: StopContext, freeBytes: number | null): AppError {
  return stopFinalize(ctx, 'stopped', 'DISK_FULL', diskFullMessage(ctx.neededBytes, freeBytes, ctx.reserveBytes));
}

/** Every other way finalize stops short: the state it leaves the recording in, and what the caller is told. */
export function stopShort(ctx: StopContext, error: unknown): never {
  if (error instanceof FinalizeStopped) throw error;
  if (error instanceof MediaToolError && error.kind === 'cancelled')
    throw stopFinalize(ctx, 'stopped', 'CANCELLED', 'Finalize was cancelled; it can be run again.');
  if (error instanceof MediaToolError && error.kind === 'disk-full') throw notEnoughSpace(ctx, ctx.deps.freeBytes(ctx.dir));
  if (error instanceof MediaToolError && error.kind === 'not-started') {
    throw stopFinalize(
      ctx,
      'stopped',
      'UNAVAILABLE',
      `${error.message}. Check the ffmpeg installation, then finalize again; nothing recorded was lost.`,
    );
  }
  releaseFinalize(ctx.deps.db, ctx.recordingId, { state: 'failed', error: (error as Error).message });
  throw error;
}

function diskFullMessage(neededBytes: number, freeBytes: number | null, reserveBytes: number): string {
  const kept = reserveBytes > 0 ? `, plus ${formatBytes(reserveBytes)} kept free for the system` : '';
  const free = freeBytes === null ? '' : ` (${formatBytes(freeBytes)} free)`;
  return `Not enough disk space to finalize: about ${formatBytes(neededBytes)} is needed${kept}${free}. Free some space, then finalize again; nothing recorded was lost.`;
}
