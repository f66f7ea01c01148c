import { describe, expect, it, vi } from 'vitest';
import { consentStatement } from '../../src/shared/interview/consent';
import { DEMO_SCRIPT } from '../../src/shared/interview/demo-script';
import { interviewScriptSchema, maxInterviewSeconds } from '../../src/shared/interview/script';
import { loadActiveScript, parseScript } from '../../src/core/services/interview/load-script';
import { createInterviewRunner, type RunnerState } from '../../src/renderer/features/interview/interview-runner';

const valid = { id: 'acme-42', title: 'Backend', candidateName: 'Ada', questions: [{ text: 'Hello?' }] };

describe('interview script', () => {
  it('fills sensible defaults', () => {
    const script = interviewScriptSchema.parse(valid);
    expect(script).toMatchObject({ locale: 'en-US', retentionDays: 90, questions: [{ thinkSeconds: 5, answerSeconds: 120, retakes: 0 }] });
    expect(maxInterviewSeconds(script)).toBe(125);
  });

  it('names the file and the field of every problem', () => {
    const bad = { ...valid, questions: [{ text: 'ok' }, { text: '', answerSeconds: 'long' }], extra: 1 };
    const result = parseScript(JSON.stringify(bad), '/tmp/interview.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^Interview script \/tmp\/interview\.json: /);
    expect(result.error).toContain('questions.1.text: a question needs its text');
    expect(result.error).toContain('questions.1.answerSeconds: expected number, received string');
    expect(result.error).toContain('(top level)');
  });

  it('reports malformed JSON and unreadable files, and uses the demo when no file is given', () => {
    expect(parseScript('{', 'x.json')).toMatchObject({ ok: false, error: expect.stringMatching(/x\.json is not valid JSON/) });
    const unreadable = loadActiveScript('/nope.json', () => {
      throw new Error('ENOENT: no such file');
    });
    expect(unreadable).toMatchObject({ ok: false, error: expect.stringContaining('cannot be read: ENOENT') });
    expect(loadActiveScript(undefined, () => '')).toMatchObject({ ok: true, source: 'demo', script: { id: DEMO_SCRIPT.id } });
  });

  it('consent states what is recorded, where it goes and for how long', () => {
    const text = consentStatement(interviewScriptSchema.parse({ ...valid, organization: 'Acme HR', retentionDays: 30 }));
    expect(text).toMatch(/camera, your microphone and the spoken questions/);
    expect(text).toMatch(/uploaded to Acme HR and kept for 30 days/);
  });
});

describe('interview runner', () => {
  const questions = interviewScriptSchema.parse({
    ...valid,
    questions: [
      { text: 'a', thinkSeconds: 2, answerSeconds: 10, retakes: 1 },
      { text: 'b', thinkSeconds: 0, answerSeconds: 5 },
    ],
  }).questions;

  function run() {
    vi.useFakeTimers();
    let clock = 0;
    const marks: string[] = [];
    const states: RunnerState[] = [];
    let segments = 0;
    const runner = createInterviewRunner({
      questions,
      ask: async () => null,
      mark: (kind, data) => marks.push(`${kind}:${String(data.index)}`),
      newSegment: async () => void segments++,
      onState: (s) => states.push(s),
      now: () => clock,
    });
    const done = runner.run();
    const advance = async (ms: number) => {
      clock += ms;
      await vi.advanceTimersByTimeAsync(ms);
    };
    return { runner, done, marks, states, advance, segments: () => segments };
  }

  it('asks, lets the candidate think, then answer until the limit, for every question', async () => {
    const { done, marks, states, advance } = run();
    await advance(2_000);
    await advance(10_000);
    await advance(5_000);
    await done;
    vi.useRealTimers();
    expect(marks).toEqual(['question.start:0', 'question.end:0', 'question.start:1', 'question.end:1']);
    expect(states.map((s) => `${s.questionIndex}:${s.phase}`)).toEqual([
      '0:asking',
      '0:thinking',
      '0:answering',
      '1:asking',
      '1:thinking',
      '1:answering',
    ]);
  });

  it('retakes where allowed (new segment), then no more', async () => {
    const { runner, done, marks, advance, segments } = run();
    await advance(2_000);
    runner.retake();
    await advance(0);
    await advance(2_000);
    runner.retake(); // second take of a question allowing one retake: ends it instead
    await advance(0);
    runner.skip();
    await advance(5_000);
    await done;
    vi.useRealTimers();
    expect(segments()).toBe(1);
    expect(marks).toEqual([
      'question.start:0',
      'question.end:0',
      'question.retake:0',
      'question.start:0',
      'question.end:0',
      'question.start:1',
      'question.end:1',
    ]);
  });

  it('stops when cancelled, without further markers', async () => {
    const { runner, done, marks, advance } = run();
    await advance(1_000);
    runner.cancel();
    await done;
    vi.useRealTimers();
    expect(marks).toEqual(['question.start:0']);
  });
});
