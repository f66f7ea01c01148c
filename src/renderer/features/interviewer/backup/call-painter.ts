import { OUTPUT_HEIGHT, OUTPUT_WIDTH } from '../../recorder/geometry';
import { createCanvasPainter, type PaintFrame } from '../../recorder/frame-painter';
import { callLayout } from './call-layout';
import type { LatestFrame } from './latest-frame';

const PLACEHOLDER_BACKGROUND = '#1f2933';
const PIP_BACKGROUND = '#000';
const PIP_BORDER = 'rgba(255, 255, 255, 0.85)';

type Ctx = OffscreenCanvasRenderingContext2D;

function drawPlaceholder(ctx: Ctx, text: string): void {
  ctx.save();
  ctx.fillStyle = PLACEHOLDER_BACKGROUND;
  ctx.fillRect(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT);
  ctx.fillStyle = '#ffffff';
  ctx.font = '36px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, OUTPUT_WIDTH / 2, OUTPUT_HEIGHT / 2);
  ctx.restore();
}

export interface CallPainterOptions {
  candidate: LatestFrame;
  /** Shown large while there is no candidate picture ("Waiting for the candidate"), in the interviewer's language. */
  placeholder: string;
  /** Whether the interviewer's own picture is shown: false while their camera is off in the call (the box stays dark). */
  showOwn: () => boolean;
}

/**
 * The interviewer's view of the call as one picture: the candidate's newest frame large (or the placeholder), the
 * interviewer's own frame (the one that drives the compositor) small, top right; the overlay on top.
 */
export const createCallPainter = ({ candidate, placeholder, showOwn }: CallPainterOptions): PaintFrame =>
  createCanvasPainter((ctx, own) => {
    const picture = candidate.current();
    const layout = callLayout(picture && { width: picture.displayWidth, height: picture.displayHeight }, {
      width: own.displayWidth,
      height: own.displayHeight,
    });
    if (picture && layout.candidate) {
      const { x, y, width, height } = layout.candidate;
      ctx.drawImage(picture, x, y, width, height);
    } else {
      drawPlaceholder(ctx, placeholder);
    }
    const box = layout.pipBox;
    ctx.fillStyle = PIP_BACKGROUND;
    ctx.fillRect(box.x, box.y, box.width, box.height);
    if (showOwn()) ctx.drawImage(own, layout.own.x, layout.own.y, layout.own.width, layout.own.height);
    ctx.strokeStyle = PIP_BORDER;
    ctx.lineWidth = 2;
    ctx.strokeRect(box.x - 1, box.y - 1, box.width + 2, box.height + 2);
  });
