import { composeFrames } from '../../recorder/compose-frames';
import type { Compositor } from '../../recorder/compositor';
import type { OverlayClock } from '../../recorder/overlay-clock';
import { createCallPainter } from './call-painter';
import { createLatestFrame } from './latest-frame';

/** Frames of the interviewer's camera the processor may hold for the compositor (as the candidate's compositor). */
const FRAME_QUEUE = 4;

export interface BackupCompositor extends Compositor {
  /** The candidate's video track from now on, or none (not joined yet, or left): the placeholder shows then. */
  showCandidate(track: MediaStreamTrack | undefined): void;
}

/**
 * The candidate's compositor loop (compose-frames.ts) with the call's painter: driven by the interviewer's own
 * camera frames — always there while the desk is open — so the recording runs on while the candidate's video is
 * missing. It runs on the page: the candidate's track changes during the call, and the page holds it.
 */
export function createBackupCompositor(own: MediaStreamTrack, clock: OverlayClock, placeholder: string): BackupCompositor {
  // A clone drives the loop, so the desk may mute (disable) its own track: the picture-in-picture then stays dark.
  const source = own.clone();
  source.enabled = true;
  const processor = new MediaStreamTrackProcessor({ track: source, maxBufferSize: FRAME_QUEUE });
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const candidate = createLatestFrame();
  const painter = () => createCallPainter({ candidate, placeholder, showOwn: () => own.enabled && own.readyState === 'live' });
  const composing = composeFrames(processor.readable, generator.writable, clock, painter);
  let stopping = false;
  void composing.done
    .catch((error: unknown) => !stopping && console.error(`Composing the backup recording stopped: ${(error as Error).message}`))
    .finally(() => {
      candidate.close();
      generator.stop();
    });
  return {
    track: generator,
    showCandidate: (track) => candidate.follow(track),
    stop() {
      stopping = true;
      composing.stop();
      source.stop(); // its queued frames are then read and closed by the loop
    },
  };
}
