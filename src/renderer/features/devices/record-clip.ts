import { routeToSpeaker } from './speaker-output';

/** A short recording of `stream`, kept in memory only (a Blob: nothing is written or sent anywhere). */
export function recordClip(stream: MediaStream, ms: number, signal: AbortSignal): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const recorder = new MediaRecorder(stream);
    const parts: Blob[] = [];
    const stop = () => recorder.state !== 'inactive' && recorder.stop();
    recorder.addEventListener('dataavailable', (event) => event.data.size > 0 && parts.push(event.data));
    recorder.addEventListener('stop', () => resolve(new Blob(parts, { type: recorder.mimeType })));
    recorder.addEventListener('error', () => reject(new Error('The test recorder failed.')));
    recorder.start();
    const timer = setTimeout(stop, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      stop();
    });
  });
}

const once = (target: EventTarget, events: string[]) =>
  new Promise<void>((resolve) => events.forEach((name) => target.addEventListener(name, () => resolve(), { once: true })));

/**
 * Plays a recorded clip on the chosen speaker. MediaRecorder's WebM has no duration in its header, so the clip is
 * first sought to its end once: then the player's time bar (and `duration`) are right.
 */
export async function playClip(video: HTMLVideoElement): Promise<void> {
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await once(video, ['loadedmetadata', 'error']);
  if (video.duration === Infinity) {
    const known = once(video, ['durationchange', 'seeked']);
    video.currentTime = Number.MAX_SAFE_INTEGER;
    await known;
    video.currentTime = 0;
  }
  await routeToSpeaker(video);
  await video.play().catch(() => undefined); // autoplay refused: the player's own Play button remains
}
