/**
 * The newest frame of a video track that is not the one driving the compositor (the candidate's, received from the
 * call): read as it comes, each one replacing the last, so the compositor draws whatever is newest when its own
 * clock (the interviewer's camera) ticks. The track can change or go away at any time.
 */
export interface LatestFrame {
  /** The newest frame, or null when there is none (no track, none received yet, or the track ended). Draw it, never close it. */
  current(): VideoFrame | null;
  /** Follows another track from now on (a clone of it: the caller's track is left as it is), or none. */
  follow(track: MediaStreamTrack | undefined): void;
  close(): void;
}

/** Frames the processor may hold before the reader takes them: the reader only ever keeps the last. */
const QUEUE = 2;

export function createLatestFrame(): LatestFrame {
  let latest: VideoFrame | null = null;
  let unfollow: (() => void) | null = null;
  const replace = (frame: VideoFrame | null) => {
    latest?.close();
    latest = frame;
  };

  function read(track: MediaStreamTrack): () => void {
    const source = track.clone();
    const reader = new MediaStreamTrackProcessor({ track: source, maxBufferSize: QUEUE }).readable.getReader();
    let following = true;
    void (async () => {
      for (;;) {
        const { value: frame, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done || !frame) break;
        // After unfollow, frames still queued are read only to be closed (a frame dropped unclosed stalls the source).
        if (following) replace(frame);
        else frame.close();
      }
      if (following) replace(null); // the track ended (the candidate left): the placeholder shows
    })();
    // Ending the clone ends its stream: the loop above drains what is queued and stops.
    return () => {
      following = false;
      source.stop();
    };
  }

  return {
    current: () => latest,
    follow(track) {
      unfollow?.();
      unfollow = null;
      replace(null);
      if (track && track.readyState === 'live') unfollow = read(track);
    },
    close() {
      unfollow?.();
      unfollow = null;
      replace(null);
    },
  };
}
