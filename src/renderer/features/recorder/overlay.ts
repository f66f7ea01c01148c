import { formatElapsed, OUTPUT_HEIGHT, OUTPUT_WIDTH } from './geometry';

export interface OverlayState {
  elapsedMs: number;
  interviewId: string;
  wallClock: Date;
}

export const REC_RED = '#e01b1b';

type Ctx = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** The overlay's two texts: the elapsed time by the badge, and "<interview id>  YYYY-MM-DD hh:mm:ss UTC". */
export function overlayLabels(state: OverlayState): { elapsed: string; stamp: string } {
  const utc = state.wallClock.toISOString().replace('T', ' ').slice(0, 19);
  return { elapsed: formatElapsed(state.elapsedMs), stamp: `${state.interviewId}  ${utc} UTC` };
}

/**
 * Burned into every recorded frame: a red dot, "REC" and the elapsed time top-left; the interview id and the
 * wall-clock time (UTC) bottom-right, so a frame on its own says what and when it is.
 */
export function drawOverlay(ctx: Ctx, state: OverlayState): void {
  const { elapsed, stamp } = overlayLabels(state);
  ctx.save();
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.beginPath();
  ctx.roundRect(16, 16, 196, 48, 12);
  ctx.fill();
  ctx.fillStyle = REC_RED;
  ctx.beginPath();
  ctx.arc(42, 40, 12, 0, Math.PI * 2);
  ctx.fill();
  ctx.font = 'bold 24px sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText('REC', 62, 41);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(elapsed, 122, 41);

  ctx.font = '16px monospace';
  const width = ctx.measureText(stamp).width;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillRect(OUTPUT_WIDTH - width - 28, OUTPUT_HEIGHT - 38, width + 16, 26);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(stamp, OUTPUT_WIDTH - width - 20, OUTPUT_HEIGHT - 25);
  ctx.restore();
}
