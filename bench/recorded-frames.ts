import { CAMERA_FPS } from '../test/support/fake-devices';
import type { VideoProbe } from '../test/support/media-analysis';

/** Frames the camera delivered over the file's duration that are not in the file (never below 0). */
export const droppedFrames = (probe: VideoProbe) => Math.max(0, Math.round(probe.durationSec * CAMERA_FPS) - probe.frameCount);
export const droppedPercent = (probe: VideoProbe) => Math.max(0, (1 - probe.frameCount / (probe.durationSec * CAMERA_FPS)) * 100);
export const fps = (probe: VideoProbe) => probe.frameCount / probe.durationSec;
export const framesNote = (probe: VideoProbe) =>
  `${probe.frameCount} frames in ${probe.durationSec.toFixed(1)} s (${probe.width}×${probe.height} ${probe.codec}); camera delivers ${CAMERA_FPS} fps`;
