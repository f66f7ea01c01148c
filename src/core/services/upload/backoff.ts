/**
 * Exponential backoff with full jitter (AWS's recommendation for many clients retrying at once): a random delay
 * up to base·2^attempt, capped so that a long offline stretch is noticed within `capMs` of the network returning.
 */
export function backoffDelayMs(attempt: number, options: { baseMs?: number; capMs?: number; random?: () => number } = {}): number {
  const { baseMs = 500, capMs = 15_000, random = Math.random } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(baseMs / 2 + random() * (ceiling - baseMs / 2));
}
