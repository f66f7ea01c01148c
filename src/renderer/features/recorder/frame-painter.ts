import { letterbox, OUTPUT_HEIGHT, OUTPUT_WIDTH } from './geometry';
import { drawOverlay, type OverlayState } from './overlay';

/** Draws one camera frame into 1280×720 with the overlay, as a new frame with the camera's timestamp; closes the camera frame. */
export type PaintFrame = (frame: VideoFrame, overlay: OverlayState) => VideoFrame;

/** Draws a frame's picture (everything under the overlay) on the 1280×720 canvas, cleared to black. */
export type DrawPicture = (ctx: OffscreenCanvasRenderingContext2D, frame: VideoFrame) => void;

/**
 * OffscreenCanvas 2D rather than WebGL: measured in a worker in Chromium 156 without a GPU (as in tests, and on
 * machines whose GPU Chromium blocks), 2D took ~7 ms a frame and kept 30 fps; WebGL ran on the software
 * rasterizer at ~62 ms a frame (16 fps). Where there is a GPU, Chromium accelerates 2D canvases too.
 * The camera frame is closed here, as soon as it is drawn.
 */
export function createCanvasPainter(drawPicture: DrawPicture): PaintFrame {
  const canvas = new OffscreenCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This computer cannot draw video frames (no 2D canvas).');
  return (frame, overlay) => {
    const timestamp = frame.timestamp;
    try {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT);
      drawPicture(ctx, frame);
    } finally {
      frame.close();
    }
    drawOverlay(ctx, overlay);
    return new VideoFrame(canvas, { timestamp });
  };
}

/** The candidate's camera, letterboxed into 1280×720 with the overlay. */
export const createFramePainter = (): PaintFrame =>
  createCanvasPainter((ctx, frame) => {
    const box = letterbox(frame.displayWidth, frame.displayHeight);
    ctx.drawImage(frame, box.x, box.y, box.width, box.height);
  });
