import { letterbox, OUTPUT_HEIGHT, OUTPUT_WIDTH } from './geometry';
import { drawOverlay, type OverlayState } from './overlay';

export interface Compositor {
  /** The 1280×720 track with the overlay burned in: this is what is recorded. */
  track: MediaStreamTrack;
  stop(): void;
}

/**
 * Draws each camera frame, letterboxed, with the overlay, and emits it as a new frame with the camera's
 * timestamp. It is driven by the camera's own frames (MediaStreamTrackProcessor → Generator), never by
 * requestAnimationFrame or timers, so a hidden or minimised window keeps its full frame rate.
 */
export function createCompositor(camera: MediaStreamTrack, overlay: () => OverlayState): Compositor {
  const canvas = new OffscreenCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This computer cannot draw video frames (no 2D canvas).');
  const processor = new MediaStreamTrackProcessor({ track: camera });
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const reader = processor.readable.getReader();
  const writer = generator.writable.getWriter();
  let stopped = false;

  void (async () => {
    try {
      while (!stopped) {
        const { value: frame, done } = await reader.read();
        if (done || !frame) break;
        const box = letterbox(frame.displayWidth, frame.displayHeight);
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT);
        ctx.drawImage(frame, box.x, box.y, box.width, box.height);
        const timestamp = frame.timestamp;
        frame.close();
        drawOverlay(ctx, overlay());
        await writer.write(new VideoFrame(canvas, { timestamp }));
      }
    } catch {
      // the camera or generator ended; the session notices through the track's "ended" event
    } finally {
      generator.stop();
    }
  })();

  return {
    track: generator,
    stop: () => {
      stopped = true;
      void reader.cancel().catch(() => undefined);
    },
  };
}
