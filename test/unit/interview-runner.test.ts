import { afterEach, describe, expect, it, vi } from 'vitest';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { createInterviewRunner, type RunnerPorts, type RunnerState } from '../../src/renderer/features/interview/interview-runner';
import { remainingInterviewSeconds } from '../../src/renderer/features/interview/interview-progress';

const script = interviewScriptSchema.parse({
  id: 's',
  title: 'T',
  candidateName: 'C',
  questions: [
    { text: 'a', thinkSeconds: 2, answerSeconds: 10, retakes: 2 },
    { text: 'b', thinkSeconds: 0, answerSeconds: 6 },
    { text: 'c', thinkSeconds: 4, answerSeconds: 20 },
  ],
});

/** A runner on fake timers; `advance` moves its clock and the timers together. */
function start(options: Partial<RunnerPorts> = {}) {
  vi.useFakeTimers();
  let clock = 1000;
  const marks: Array<{ kind: string; data: Record<string, unknown> }> = [];
  const states: RunnerState[] = [];
  const runner = createInterviewRunner({
    questions: script.questions,
    ask: async () => null,
    mark: (kind, data) => marks.push({ kind, data }),
    newSegment: async () => undefined,
    onState: (s) => states.push(s),
    now: () => clock,
    ...options,
  });
  const done = runner.run();
  const advance = async (ms: number) => {
    clock += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  const last = () => states.at(-1)!;
  return { runner, done, marks, states, advance, last };
}

afterEach(() => vi.useRealTimers());

describe('interview runner', () => {
  it('starts at `startAt` (a resumed interview), asking none of the questions before it', async () => {
    const { done, marks, states, advance } = start({ startAt: 1 });
    await advance(6_000);
    await advance(4_000);
    await advance(20_000);
    await done;
    expect(states[0]).toMatchObject({ questionIndex: 1, take: 1, phase: 'asking' });
    expect(marks.filter((m) => m.kind === 'question.start').map((m) => m.data.index)).toEqual([1, 2]);
  });

  it('applies extra time to every think time and answer limit, and says how long each phase is', async () => {
    const { runner, done, states, advance, last } = start({ extraTime: 1.5 });
    await advance(0);
    expect(last()).toMatchObject({ phase: 'thinking', phaseMs: 3_000, phaseStartedAt: 1000, phaseEndsAt: 4_000 });
    await advance(2_999);
    expect(last().phase).toBe('thinking'); // 2 s would have ended it without extra time
    await advance(1);
    expect(last()).toMatchObject({ phase: 'answering', phaseMs: 15_000 });
    await advance(14_999);
    expect(last()).toMatchObject({ questionIndex: 0, phase: 'answering' });
    await advance(1);
    expect(last()).toMatchObject({ questionIndex: 1 });
    runner.cancel();
    await done;
    expect(states.filter((s) => s.phase === 'answering').map((s) => s.phaseMs)).toEqual([15_000, 9_000]);
  });

  it('records how long each answer lasted and how it ended', async () => {
    const { runner, done, marks, advance } = start();
    await advance(2_000);
    await advance(3_500);
    runner.skip();
    await advance(0);
    runner.cancel();
    await done;
    expect(marks.find((m) => m.kind === 'question.end')!.data).toMatchObject({ index: 0, take: 1, ended: 'skip', answeredMs: 3_500 });
  });

  it('allows exactly `retakes` retakes; a retake beyond them ends the answer', async () => {
    const { runner, done, marks, advance, last } = start();
    for (let take = 1; take <= 3; take++) {
      await advance(2_000);
      expect(last()).toMatchObject({ questionIndex: 0, take, phase: 'answering' });
      runner.retake();
      await advance(0);
    }
    expect(last().questionIndex).toBe(1);
    runner.cancel();
    await done;
    expect(marks.filter((m) => m.kind === 'question.retake').map((m) => m.data.take)).toEqual([2, 3]);
    expect(marks.filter((m) => m.kind === 'question.end').map((m) => m.data.ended)).toEqual(['retake', 'retake', 'retake']);
  });
});

describe('the time left in the interview', () => {
  const at = (state: Partial<RunnerState>): RunnerState => ({
    questionIndex: 0,
    take: 1,
    phase: 'asking',
    phaseStartedAt: 0,
    phaseEndsAt: null,
    phaseMs: null,
    speechNote: null,
    ...state,
  });

  it('counts what is left of the current phase and every later question once (retakes are not assumed)', () => {
    expect(remainingInterviewSeconds(script, at({}), 0)).toBe(2 + 10 + 6 + 4 + 20);
    expect(remainingInterviewSeconds(script, at({ phase: 'thinking', phaseEndsAt: 1_500 }), 0)).toBe(1.5 + 10 + 6 + 24);
    expect(remainingInterviewSeconds(script, at({ questionIndex: 2, phase: 'answering', phaseEndsAt: 5_000 }), 1_000)).toBe(4);
  });

  it('includes extra time', () => {
    expect(remainingInterviewSeconds({ ...script, extraTime: 2 }, at({ questionIndex: 1 }), 0)).toBe(2 * (6 + 4 + 20));
  });
});
