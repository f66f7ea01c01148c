import { describe, expect, it } from 'vitest';
import { createRateBudget, type RateBudgetClock } from '../../src/core/services/backends/livekit/rate-budget';

/** A clock that only moves when someone sleeps: the budget's waits become exact, instant numbers. */
function fakeClock(start = 1_000_000): RateBudgetClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('rate budget', () => {
  it('lets `limit` requests through at once, then waits for the oldest to leave the window', async () => {
    const clock = fakeClock();
    const budget = createRateBudget(10, 60_000, clock);
    for (let i = 0; i < 10; i++) await budget.take();
    expect(clock.slept).toEqual([]);
    await budget.take();
    expect(clock.slept).toEqual([60_000]);
  });

  it('never lets more than `limit` through in any window, however the requests are spread', async () => {
    const clock = fakeClock();
    const budget = createRateBudget(60, 60_000, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      await budget.take();
      sentAt.push(clock.now());
      if (i % 7 === 0) await clock.sleep(3_000);
    }
    for (const start of sentAt) expect(sentAt.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(60);
  });

  it('holds everything until a time the server gave (X-RateLimit-Reset or Retry-After)', async () => {
    const clock = fakeClock();
    const budget = createRateBudget(60, 60_000, clock);
    budget.blockUntil(clock.now() + 12_345);
    await budget.take();
    expect(clock.slept).toEqual([12_345]);
  });
});
