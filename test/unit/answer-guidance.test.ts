import { describe, expect, it } from 'vitest';
import { PHASE_GUARD_MS, phaseGuardOpen } from '../../src/renderer/features/interview/phase-guard';
import { spokenWarning, warningLevel } from '../../src/renderer/features/interview/time-warnings';

/** The announcement region's successive texts over a phase sampled every `stepMs`, as a screen reader hears them. */
function announcementsOver(phaseMs: number, stepMs: number): Array<number | null> {
  const said: Array<number | null> = [];
  let current: number | null = null;
  for (let remaining = phaseMs; remaining >= 0; remaining -= stepMs) {
    const next = spokenWarning(phaseMs, remaining);
    if (next !== current) said.push(next);
    current = next;
  }
  return said;
}

describe('time warnings while answering', () => {
  it('turns amber at 30 s and red at 10 s', () => {
    expect(warningLevel(30_001)).toBe('calm');
    expect(warningLevel(30_000)).toBe('soon');
    expect(warningLevel(10_001)).toBe('soon');
    expect(warningLevel(10_000)).toBe('last');
    expect(warningLevel(0)).toBe('last');
  });

  it('announces 30 s and 10 s once each over a two-minute answer, however often the timer ticks', () => {
    expect(announcementsOver(120_000, 250)).toEqual([30, 10]);
    expect(announcementsOver(120_000, 1_000)).toEqual([30, 10]);
  });

  it('never announces a threshold the answer began below', () => {
    expect(announcementsOver(20_000, 250)).toEqual([10]);
    expect(announcementsOver(10_000, 250)).toEqual([]);
    expect(announcementsOver(30_000, 250)).toEqual([10]);
  });

  it('says only the 10 s warning when a throttled timer jumps past both', () => {
    expect(announcementsOver(60_000, 25_000)).toEqual([10]);
  });
});

describe('the phase guard', () => {
  it('ignores clicks for a moment after a phase begins — longer than a double-click — then takes them', () => {
    expect(PHASE_GUARD_MS).toBeGreaterThanOrEqual(500);
    expect(phaseGuardOpen(1_000, 1_000)).toBe(false);
    expect(phaseGuardOpen(1_000, 1_000 + PHASE_GUARD_MS - 1)).toBe(false);
    expect(phaseGuardOpen(1_000, 1_000 + PHASE_GUARD_MS)).toBe(true);
  });

  it('keeps a phase guarded when the screen’s clock is older than the phase itself', () => {
    expect(phaseGuardOpen(5_000, 4_900)).toBe(false);
  });
});
