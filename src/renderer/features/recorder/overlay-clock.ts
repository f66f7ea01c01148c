import type { OverlayState } from './overlay';

/**
 * What the overlay needs, sent once when compositing starts: every frame's overlay is computed from it and the
 * clock where the frame is drawn (the compositor's worker), not from a message per frame.
 */
export interface OverlayClock {
  interviewId: string;
  /** When the elapsed time started, as an epoch time on the monotonic clock ({@link monotonicNow}). */
  startedAt: number;
}

/**
 * Milliseconds since the Unix epoch on the monotonic clock (time origin + performance.now()): the same instant
 * reads the same in the page and in its workers, whose performance.now() counts from different origins, and it
 * does not jump when the system clock is set.
 */
export const monotonicNow = (): number => performance.timeOrigin + performance.now();

/** The overlay at monotonic time `now`, with `wallClock` (Date.now()) for the UTC stamp. */
export function overlayStateAt(clock: OverlayClock, now: number, wallClock: number): OverlayState {
  return { interviewId: clock.interviewId, elapsedMs: Math.max(0, now - clock.startedAt), wallClock: new Date(wallClock) };
}
