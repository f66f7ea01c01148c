import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/shared/async/backoff';

describe('backoffDelayMs', () => {
  it('grows exponentially from half the base and is capped', () => {
    expect(backoffDelayMs(0, { random: () => 0 })).toBe(250);
    expect(backoffDelayMs(0, { random: () => 1 })).toBe(500);
    expect(backoffDelayMs(3, { random: () => 1 })).toBe(4000);
    expect(backoffDelayMs(30, { random: () => 1 })).toBe(15_000);
    expect(backoffDelayMs(10_000, { random: () => 1 })).toBe(15_000);
  });

  it('keeps every jittered delay between half the base and the attempt ceiling', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(15_000, 500 * 2 ** attempt);
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelayMs(attempt);
        expect(delay).toBeGreaterThanOrEqual(250);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('spreads delays over the range (jitter), so many clients do not retry at once', () => {
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelayMs(5)));
    expect(delays.size).toBeGreaterThan(20);
  });

  it('takes its own base and cap', () => {
    expect(backoffDelayMs(2, { baseMs: 100, capMs: 1_000, random: () => 1 })).toBe(400);
    expect(backoffDelayMs(8, { baseMs: 100, capMs: 1_000, random: () => 1 })).toBe(1_000);
    expect(backoffDelayMs(8, { baseMs: 100, capMs: 1_000, random: () => 0 })).toBe(50);
  });
});
