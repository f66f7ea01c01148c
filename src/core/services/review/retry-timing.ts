import { LIVEKIT_RATE_LIMITS } from '../backends/livekit/livekit-wire';

/** Review polling may spend this share of LiveKit's read budget: the recorder's own status polls need the rest. */
const REVIEW_SHARE = 0.25;
const MIN_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;

/**
 * How long the review screen waits before asking again about processing recordings, when each refresh costs
 * `readsPerRefresh` LiveKit list/status calls: spaced so review alone stays within a quarter of the per-minute read
 * limit (60/min → 15/min), never sooner than 5 s nor later than a minute. `blockedForMs` is how long the server
 * asked us to hold off (a 429's Retry-After), which always wins.
 */
export function reviewRetryAfterMs(readsPerRefresh: number, blockedForMs = 0, readsPerMinute: number = LIVEKIT_RATE_LIMITS.read): number {
  const refreshesPerMinute = (readsPerMinute * REVIEW_SHARE) / Math.max(1, readsPerRefresh);
  const spaced = Math.ceil(60_000 / refreshesPerMinute);
  return Math.max(Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, spaced)), Math.ceil(blockedForMs));
}
