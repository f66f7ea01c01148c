import { describe, expect, it } from 'vitest';
import { createRecordedTime } from '../../src/renderer/features/recorder/recorded-time';

describe('recorded time', () => {
  it('counts each segment from start() to stop(), not to its late stop event, and adds earlier parts', () => {
    let clock = 1000;
    const time = createRecordedTime(() => clock, 5000);
    expect(time.inSegmentMs()).toBeUndefined();
    time.segmentStarted();
    clock += 3000;
    expect(time.inSegmentMs()).toBe(3000);
    expect(time.soFarMs()).toBe(8000);
    time.stopRequested();
    clock += 700; // the last chunk and the 'stop' event come later on a busy machine
    expect(time.inSegmentMs()).toBe(3000);
    time.segmentStopped();
    expect(time.finishedMs()).toBe(8000);

    time.segmentStarted();
    clock += 2000;
    time.segmentStopped(); // a recorder that stopped by itself: up to its stop event
    expect(time.finishedMs()).toBe(10_000);
    expect(time.soFarMs()).toBe(10_000);
  });
});
