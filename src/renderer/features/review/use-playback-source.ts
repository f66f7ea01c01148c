import { useEffect, useState, type RefObject } from 'react';
import type { PlaybackKind } from '../../../shared/domain/review';
import { problemOfHlsError, problemOfMediaError, type PlaybackProblem } from './playback-problem';

/** How the element plays the file: by itself (MP4, WebM, HLS where the browser has it) or fed by hls.js. */
export type PlaybackEngine = 'native' | 'hls.js';

const HLS_TYPE = 'application/vnd.apple.mpegurl';

/** Whether this browser plays HLS playlists in `<video>` by itself (Safari, recent Chromium). */
const playsHlsNatively = (): boolean => document.createElement('video').canPlayType(HLS_TYPE) !== '';

/**
 * Puts `url` into the video element: straight into `src`, or for an HLS playlist through hls.js when the browser
 * cannot play HLS itself (hls.js is loaded only then). Reports why it does not play, in PlaybackProblem's words.
 * What it reports belongs to one URL: a new one (a fresh link) starts clean.
 */
export function usePlaybackSource(
  video: RefObject<HTMLVideoElement | null>,
  url: string | null,
  kind: PlaybackKind,
): { engine: PlaybackEngine | null; problem: PlaybackProblem | null; detail: string } {
  const viaHlsJs = kind === 'hls' && !playsHlsNatively();
  const [hlsAttached, setHlsAttached] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ url: string; problem: PlaybackProblem; detail: string } | null>(null);
  useEffect(() => {
    const element = video.current;
    if (!element || !url) return;
    let ended = false;
    let destroyHls: (() => void) | undefined;
    const fail = (problem: PlaybackProblem, detail: string) => !ended && setFailure({ url, problem, detail });
    const onMediaError = () => {
      if (destroyHls) return; // hls.js reports its own, with the HTTP status
      const error = element.error;
      fail(problemOfMediaError(error?.code, url, Date.now(), navigator.onLine), error?.message || `code ${error?.code}`);
    };
    element.addEventListener('error', onMediaError);
    if (viaHlsJs) {
      void import('hls.js').then(({ default: Hls }) => {
        if (ended) return;
        if (!Hls.isSupported()) return fail('unsupported', 'HLS');
        const hls = new Hls();
        destroyHls = () => hls.destroy();
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          const code = data.response?.code;
          fail(
            problemOfHlsError({ type: data.type, responseCode: code }, url, Date.now(), navigator.onLine),
            `${data.type}: ${data.details}${code ? ` (${code})` : ''}`,
          );
          hls.destroy();
        });
        hls.loadSource(url);
        hls.attachMedia(element);
        setHlsAttached(url);
      });
    } else {
      element.setAttribute('src', url);
    }
    return () => {
      ended = true;
      element.removeEventListener('error', onMediaError);
      destroyHls?.();
      element.removeAttribute('src');
      element.load();
    };
  }, [video, url, viaHlsJs]);
  const engine: PlaybackEngine | null = !url ? null : viaHlsJs ? (hlsAttached === url ? 'hls.js' : null) : 'native';
  const current = failure?.url === url ? failure : null;
  return { engine, problem: current?.problem ?? null, detail: current?.detail ?? '' };
}
