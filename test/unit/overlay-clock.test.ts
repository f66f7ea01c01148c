import { describe, expect, it } from 'vitest';
import { overlayLabels } from '../../src/renderer/features/recorder/overlay';
import { overlayStateAt } from '../../src/renderer/features/recorder/overlay-clock';

describe('overlay computed where frames are drawn (the compositor worker)', () => {
  // Page and worker count performance.now() from different origins; the clock carries epoch-based times.
  const pageOrigin = 1_764_540_000_000;
  const workerOrigin = pageOrigin + 85.25;
  const clock = { interviewId: 'int-42', startedAt: pageOrigin + 1_000 };

  it('counts elapsed time from the posted start, whichever context reads its clock', () => {
    const frameAt = workerOrigin + 8_314.75; // the worker's performance.now() 7.4 s after the start
    const state = overlayStateAt(clock, frameAt, Date.UTC(2026, 10, 30, 21, 5, 9, 999));
    expect(state.elapsedMs).toBeCloseTo(7_400, 6);
    expect(overlayLabels(state)).toEqual({ elapsed: '0:07', stamp: 'int-42  2026-11-30 21:05:09 UTC' });
  });

  it('shows 0:00, never a negative time, for a frame drawn just before the start', () => {
    const state = overlayStateAt(clock, clock.startedAt - 40, Date.UTC(2026, 0, 1));
    expect(state.elapsedMs).toBe(0);
    expect(overlayLabels(state).elapsed).toBe('0:00');
  });

  it('stamps UTC, whatever the time zone, and an hour-long take as h:mm:ss', () => {
    const state = overlayStateAt(clock, clock.startedAt + 3_723_500, Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(overlayLabels(state)).toEqual({ elapsed: '1:02:03', stamp: 'int-42  2026-12-31 23:59:59 UTC' });
  });
});
