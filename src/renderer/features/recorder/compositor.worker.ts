import { composeFrames, type Composing } from './compose-frames';
import type { FromCompositorWorker, ToCompositorWorker } from './compositor-protocol';

// The compositor's own thread: nothing on the page's main thread (React, IPC, sending chunks, its garbage
// collection) can delay a frame here. See worker-compositor.ts for the page's side.
const post = (message: FromCompositorWorker) => self.postMessage(message);
let composing: Composing | null = null;

self.addEventListener('message', (event: MessageEvent<ToCompositorWorker>) => {
  const message = event.data;
  if (message.type === 'stop') {
    composing?.stop();
    return;
  }
  composing = composeFrames(message.camera, message.output, message.clock);
  composing.done.then(
    () => post({ type: 'ended', reason: null }),
    (error: unknown) => post({ type: 'ended', reason: error instanceof Error ? error.message : String(error) }),
  );
});

const canDraw = typeof VideoFrame === 'function' && typeof OffscreenCanvas === 'function' && !!new OffscreenCanvas(1, 1).getContext('2d');
post(canDraw ? { type: 'ready' } : { type: 'unavailable', reason: 'no VideoFrame or OffscreenCanvas 2D in workers' });
