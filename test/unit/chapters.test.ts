import { describe, expect, it } from 'vitest';
import { chaptersFromMarkers } from '../../src/core/services/finalize/chapters';

describe('chapters from question markers', () => {
  const start = (index: number, mediaMs: number, take = 1, text?: string) => ({
    kind: 'question.start',
    data: { index, take, mediaMs, text },
  });
  const end = (index: number, mediaMs: number, take = 1) => ({ kind: 'question.end', data: { index, take, mediaMs } });

  it('one per take, titled with the question, ending at its end marker', () => {
    const chapters = chaptersFromMarkers(
      [start(0, 100, 1, 'Who are you?'), end(0, 4000), start(0, 4000, 2), end(0, 9000, 2), start(1, 9000)],
      12_000,
    );
    expect(chapters).toEqual([
      { startMs: 100, endMs: 4000, title: 'Question 1: Who are you?' },
      { startMs: 4000, endMs: 9000, title: 'Question 1 (take 2)' },
      { startMs: 9000, endMs: 12_000, title: 'Question 2' },
    ]);
  });

  it('never overlaps or passes the end, and drops markers lost after it', () => {
    const chapters = chaptersFromMarkers([start(1, 5000), start(0, 0), end(0, 7000), start(2, 20_000)], 10_000);
    expect(chapters).toEqual([
      { startMs: 0, endMs: 5000, title: 'Question 1' },
      { startMs: 5000, endMs: 10_000, title: 'Question 2' },
    ]);
  });

  it('falls back to elapsedMs for markers from before mediaMs existed, and ignores other events', () => {
    const chapters = chaptersFromMarkers(
      [
        { kind: 'question.start', data: { index: 0, elapsedMs: 1200 } },
        { kind: 'window.blur', data: { elapsedMs: 1500 } },
      ],
      3000,
    );
    expect(chapters).toEqual([{ startMs: 1200, endMs: 3000, title: 'Question 1' }]);
  });
});
