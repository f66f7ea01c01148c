import { sleep } from '../../../../shared/async/sleep';

export interface RateBudgetClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: RateBudgetClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
};

/**
 * A client-side budget that keeps normal use under a server's per-minute limits: at most `limit` sends in any
 * sliding `windowMs` (which also keeps under any fixed window the server counts in), plus whatever the server
 * says through `X-RateLimit-Remaining`/`Reset` or a 429's `Retry-After` — another client may share the token.
 */
export function createRateBudget(limit: number, windowMs = 60_000, clock: RateBudgetClock = realClock) {
  const sent: number[] = [];
  let blockedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  async function waitTurn(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = clock.now();
      while (sent.length && sent[0]! <= now - windowMs) sent.shift();
      const waitMs = Math.max(blockedUntil - now, sent.length >= limit ? sent[0]! + windowMs - now : 0);
      if (waitMs <= 0) break;
      await clock.sleep(waitMs, signal);
    }
    sent.push(clock.now());
  }

  return {
    /** Resolves when one more request may go; requests leave in the order they asked. */
    take(signal?: AbortSignal): Promise<void> {
      const turn = queue.then(() => waitTurn(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    /** The server's view: nothing more until `untilMs` (epoch ms). */
    blockUntil(untilMs: number): void {
      blockedUntil = Math.max(blockedUntil, untilMs);
    },
    /** Sends counted in the current sliding window (for tests and diagnostics). */
    inWindow(): number {
      const now = clock.now();
      return sent.filter((at) => at > now - windowMs).length;
    },
  };
}
export type RateBudget = ReturnType<typeof createRateBudget>;
