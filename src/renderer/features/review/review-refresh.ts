import type { ReviewRecording } from '../../../shared/domain/review';

/** However long the backends ask, a processing recording is looked at again at least this often. */
const MAX_REFRESH_MS = 5 * 60_000;

/**
 * When to list again while something is still processing: the longest wait the core asked for (it keeps LiveKit's
 * reads within their limit), doubled for each refresh that found it still processing (up to 8×). Null: nothing
 * to wait for.
 */
export function refreshDelayMs(
  recordings: readonly Pick<ReviewRecording, 'status' | 'retryAfterMs'>[],
  stillProcessing: number,
): number | null {
  const waits = recordings.flatMap((r) => (r.status === 'processing' && r.retryAfterMs ? [r.retryAfterMs] : []));
  if (!waits.length) return null;
  return Math.min(MAX_REFRESH_MS, Math.max(...waits) * 2 ** Math.min(Math.max(0, stillProcessing), 3));
}
