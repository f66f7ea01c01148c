// Chromium's breakout-box API (in Chromium and Electron on the window since 94), not yet in TypeScript's DOM lib.
// https://w3c.github.io/mediacapture-transform/
interface MediaStreamTrackProcessorInit {
  track: MediaStreamTrack;
  maxBufferSize?: number;
}
declare class MediaStreamTrackProcessor {
  constructor(init: MediaStreamTrackProcessorInit);
  readonly readable: ReadableStream<VideoFrame>;
}
declare class MediaStreamTrackGenerator extends MediaStreamTrack {
  constructor(init: { kind: 'video' | 'audio' });
  readonly writable: WritableStream<VideoFrame>;
}

// Screen fires "change" when displays are added or removed (Window Management); the DOM lib types it as a plain object.
interface Screen extends EventTarget {
  readonly isExtended?: boolean;
}
