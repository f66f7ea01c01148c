import { createFramePainter, type PaintFrame } from './frame-painter';
import { monotonicNow, overlayStateAt, type OverlayClock } from './overlay-clock';

/** After stop, how long the camera's stream may take to end by itself before it is cancelled. */
const STOP_GRACE_MS = 1000;

export interface Composing {
  /** Settles when the camera ends, compositing fails, or after {@link Composing.stop}; the output is closed then. */
  done: Promise<void>;
  stop(): void;
}

/**
 * The compositor's loop, the same in its worker and on the page: each camera frame read is drawn with the
 * overlay and written out with the camera's timestamp. It is driven by the camera's own frames, never by
 * requestAnimationFrame or timers, so a hidden or minimised window keeps its full frame rate. `painter` makes
 * what draws a frame: the candidate's camera letterboxed, by default; the interviewer's backup passes its own.
 */
export function composeFrames(
  camera: ReadableStream<VideoFrame>,
  output: WritableStream<VideoFrame>,
  clock: OverlayClock,
  painter: () => PaintFrame = createFramePainter,
): Composing {
  const reader = camera.getReader();
  const writer = output.getWriter();
  let stopped = false;
  const done = (async () => {
    try {
      const paint = painter();
      for (;;) {
        const { value: frame, done: ended } = await reader.read();
        if (ended || !frame) break;
        // After stop, the frames still queued are read only to be closed: a frame dropped unclosed stalls the camera.
        if (stopped) {
          frame.close();
          continue;
        }
        const composed = paint(frame, overlayStateAt(clock, monotonicNow(), Date.now()));
        // The output takes the frame when it accepts it; one it refused (it was stopped) is ours to close.
        await writer.write(composed).catch((error: unknown) => {
          composed.close();
          throw error;
        });
      }
    } finally {
      void reader.cancel().catch(() => undefined);
      await writer.close().catch(() => undefined);
    }
  })();
  return {
    done,
    // The owner ends the camera's stream (compositor.ts stops its clone of the track), so every queued frame is
    // read and closed; cancelling at once would drop them unclosed. The cancel is only the fallback.
    stop: () => {
      stopped = true;
      setTimeout(() => void reader.cancel().catch(() => undefined), STOP_GRACE_MS);
    },
  };
}
