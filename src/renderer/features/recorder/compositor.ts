import { composeFrames } from './compose-frames';
import type { OverlayClock } from './overlay-clock';
import { startCompositorWorker } from './worker-compositor';

/** Camera frames the processor may hold for the compositor (~130 ms at 30 fps). */
const FRAME_QUEUE = 4;

export interface Compositor {
  /** The 1280×720 track with the overlay burned in: this is what is recorded. */
  track: MediaStreamTrack;
  stop(): void;
}

/**
 * Camera frames (MediaStreamTrackProcessor) → letterbox + overlay → MediaStreamTrackGenerator, with the camera's
 * timestamps. The drawing runs in a worker, so a busy page (React, IPC, garbage collection) cannot delay frames;
 * the page only hands over the two streams. Where the worker cannot run (it did not load, cannot draw, or the
 * streams cannot be transferred), the same loop runs on the page.
 */
export async function createCompositor(camera: MediaStreamTrack, clock: OverlayClock): Promise<Compositor> {
  // Slack: on a busy machine the compositor's thread can wait longer than one frame interval for a core, and with
  // the default one-frame queue the processor would drop the frames that arrive meanwhile.
  // A clone of the camera, so stopping ends just the compositor's stream: its queued frames are then read and
  // closed by the compositor, instead of being dropped unclosed by a cancel (Chromium warns when they are collected).
  const source = camera.clone();
  const processor = new MediaStreamTrackProcessor({ track: source, maxBufferSize: FRAME_QUEUE });
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const started = await startCompositorWorker();
  let stopping = false;
  /** Stops compositing, then ends the camera clone so the compositor reads and closes the frames still queued. */
  const stopWith = (stopComposing: () => void) => () => {
    stopping = true;
    stopComposing();
    source.stop();
  };

  if ('worker' in started && started.worker.compose(processor.readable, generator.writable, clock)) {
    const { worker } = started;
    void worker.ended.then((reason) => {
      if (reason && !stopping) console.error(`Compositing video frames stopped: ${reason}`);
      generator.stop();
    });
    return {
      track: generator,
      // The worker lets go of the streams first; the generator stops when it says it has ended.
      stop: stopWith(() => worker.stop()),
    };
  }

  if ('worker' in started) started.worker.terminate();
  console.warn(
    `Compositing video frames on the page: ${'unavailable' in started ? started.unavailable : 'streams cannot be transferred'}.`,
  );
  const composing = composeFrames(processor.readable, generator.writable, clock);
  void composing.done
    .catch((error: unknown) => !stopping && console.error(`Compositing video frames stopped: ${(error as Error).message}`))
    .finally(() => generator.stop());
  return {
    track: generator,
    stop: stopWith(() => composing.stop()),
  };
}
