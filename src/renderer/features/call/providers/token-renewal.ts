// When a provider asks its TokenSource for the next token.

/** When to ask for a new token: a third of its remaining life before it ends, at most a minute before. */
export function renewalDelayMs(expiresAt: number, now: number): number {
  const left = expiresAt - now;
  return Math.max(0, left - Math.min(60_000, left / 3));
}
