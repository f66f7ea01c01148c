import type { FromCompositorWorker, ToCompositorWorker } from './compositor-protocol';
import type { OverlayClock } from './overlay-clock';

/** Loading and checking the worker happens once, before recording starts; a worker that never answers is not used. */
const READY_TIMEOUT_MS = 5000;

export interface CompositorWorker {
  /**
   * Hands the camera's frames and the output's sink to the worker. False when this runtime cannot transfer
   * them: then nothing was sent and both are still the caller's.
   */
  compose(camera: ReadableStream<VideoFrame>, output: WritableStream<VideoFrame>, clock: OverlayClock): boolean;
  /** Settles when compositing has ended: null when the camera ended or stop was asked, else why it failed. */
  ended: Promise<string | null>;
  /** Ends compositing; the worker is terminated once it has let go of the streams. */
  stop(): void;
  terminate(): void;
}

type Started = { worker: CompositorWorker } | { unavailable: string };

/** The compositor worker once it has loaded and said it can draw; otherwise why it cannot run here. */
export async function startCompositorWorker(): Promise<Started> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./compositor.worker.ts', import.meta.url), { type: 'module', name: 'compositor' });
  } catch (error) {
    return { unavailable: `no worker (${(error as Error).message})` };
  }
  const post = (message: ToCompositorWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const answer = await new Promise<FromCompositorWorker | { type: 'failed'; reason: string }>((resolve) => {
    const timer = setTimeout(() => resolve({ type: 'failed', reason: 'the worker did not answer' }), READY_TIMEOUT_MS);
    const settle = (value: FromCompositorWorker | { type: 'failed'; reason: string }) => {
      clearTimeout(timer);
      resolve(value);
    };
    worker.addEventListener('message', (event: MessageEvent<FromCompositorWorker>) => settle(event.data), { once: true });
    worker.addEventListener('error', (event) => settle({ type: 'failed', reason: event.message || 'the worker did not load' }), {
      once: true,
    });
  });
  if (answer.type !== 'ready') {
    worker.terminate();
    return { unavailable: 'reason' in answer && answer.reason ? answer.reason : 'the worker cannot draw' };
  }

  const ended = new Promise<string | null>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<FromCompositorWorker>) => {
      if (event.data.type === 'ended') resolve(event.data.reason);
    });
    worker.addEventListener('error', (event) => resolve(event.message || 'the compositor worker failed'));
  });
  void ended.then(() => worker.terminate());
  return {
    worker: {
      compose(camera, output, clock) {
        try {
          post({ type: 'compose', camera, output, clock }, [camera, output]);
          return true;
        } catch {
          return false; // DataCloneError: streams are not transferable here
        }
      },
      ended,
      stop: () => post({ type: 'stop' }),
      terminate: () => worker.terminate(),
    },
  };
}
