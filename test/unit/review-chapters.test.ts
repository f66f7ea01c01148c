import { describe, expect, it } from 'vitest';
import { reviewCues } from '../../src/core/services/review/review-cues';
import { buildVtt, NOTE_CUE_MS, vttTimestamp } from '../../src/core/services/review/review-vtt';
import type { Note } from '../../src/shared/domain/notes';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();

function note(text: string, at: number, clocks: Partial<Note> = {}): Note {
  return {
    id: `n-${text}`,
    interviewId: 'int-1',
    text,
    questionIndex: null,
    author: null,
    createdAt: iso(at),
    editedAt: null,
    localRecordingId: null,
    localMs: null,
    cloudSessionId: null,
    cloudMs: null,
    ...clocks,
  };
}

const marker = (kind: 'question.start' | 'question.end', index: number, mediaMs: number, at?: number) => ({
  kind,
  data: { index, take: 1, mediaMs, text: `Q${index + 1} text` },
  ...(at === undefined ? {} : { at: iso(at) }),
});

describe('WebVTT of the chapters and notes', () => {
  it('writes timestamps as hh:mm:ss.mmm', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(3_723_045)).toBe('01:02:03.045');
  });

  it('is a valid file: header, cues in time order, text that cannot break the format', () => {
    const vtt = buildVtt([
      { kind: 'note', startMs: 5000, endMs: 10_000, title: 'a --> b <i>x</i> & y\n\nnext', questionIndex: null },
      { kind: 'question', startMs: 0, endMs: 4000, title: 'Question 1', questionIndex: 0 },
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\nquestion-1\n00:00:00.000 --> 00:00:04.000\nQuestion 1\n\n' +
        'note-2\n00:00:05.000 --> 00:00:10.000\na --&gt; b &lt;i&gt;x&lt;/i&gt; &amp; y  next\n',
    );
  });
});

describe('cue placement on a recording’s own clock', () => {
  it('local: questions from the recording’s media time, notes of that recording only', () => {
    const cues = reviewCues(
      { clock: 'local', recordingId: 'rec-1', totalMs: 60_000 },
      {
        markers: [marker('question.start', 0, 2000), marker('question.end', 0, 20_000), marker('question.start', 1, 25_000)],
        notes: [
          note('mine', 0, { localRecordingId: 'rec-1', localMs: 12_345 }),
          note('other recording', 0, { localRecordingId: 'rec-2', localMs: 1000 }),
          note('near the end', 0, { localRecordingId: 'rec-1', localMs: 58_000 }),
        ],
      },
    );
    expect(cues.map((c) => [c.kind, c.startMs, c.endMs, c.questionIndex])).toEqual([
      ['question', 2000, 20_000, 0],
      ['note', 12_345, 12_345 + NOTE_CUE_MS, null],
      ['question', 25_000, 60_000, 1],
      ['note', 58_000, 60_000, null],
    ]);
    expect(cues[0]!.title).toContain('Q1 text');
  });

  it('cloud: notes stamped for its session use their cloud time; questions move from the wall clock to its start', () => {
    const cues = reviewCues(
      { clock: 'cloud', sessionId: 'cs-1', startedAt: iso(10_000), totalMs: null },
      {
        // Written at wall-clock T0+15 s and T0+40 s: 5 s and 30 s into a recording that started at T0+10 s.
        markers: [marker('question.start', 0, 999, 15_000), marker('question.end', 0, 999, 40_000), marker('question.start', 1, 1, 5_000)],
        notes: [
          note('stamped', 0, { cloudSessionId: 'cs-1', cloudMs: 7_500 }),
          note('other session', 0, { cloudSessionId: 'cs-2', cloudMs: 1 }),
        ],
      },
    );
    expect(cues.map((c) => [c.kind, c.startMs, c.endMs])).toEqual([
      ['question', 5000, 30_000],
      ['note', 7500, 7500 + NOTE_CUE_MS],
    ]);
  });

  it('cloud recording the catalog does not know: notes by wall clock from its start, within its length', () => {
    const cues = reviewCues(
      { clock: 'cloud', sessionId: null, startedAt: iso(0), totalMs: 30_000 },
      { markers: [], notes: [note('inside', 20_000), note('before', -1000), note('after', 31_000)] },
    );
    expect(cues.map((c) => [c.title, c.startMs, c.endMs])).toEqual([['inside', 20_000, 25_000]]);
  });

  it('no start known: no cues rather than wrong ones', () => {
    expect(
      reviewCues(
        { clock: 'cloud', sessionId: null, startedAt: null, totalMs: null },
        { markers: [marker('question.start', 0, 0, 0)], notes: [note('x', 0)] },
      ),
    ).toEqual([]);
  });
});
