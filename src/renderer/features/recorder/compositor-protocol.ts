import type { OverlayClock } from './overlay-clock';

/** Page → compositor worker. The streams are transferred: frames then flow to the worker without the page. */
export type ToCompositorWorker =
  { type: 'compose'; camera: ReadableStream<VideoFrame>; output: WritableStream<VideoFrame>; clock: OverlayClock } | { type: 'stop' };

/** Compositor worker → page. */
export type FromCompositorWorker =
  /** Loaded, and it can draw frames here; `unavailable` says why not. */
  | { type: 'ready' }
  | { type: 'unavailable'; reason: string }
  /** Compositing ended: the camera ended or stop was asked (`reason` null), or it failed (`reason`). */
  | { type: 'ended'; reason: string | null };
