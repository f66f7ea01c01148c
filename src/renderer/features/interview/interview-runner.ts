import { timedQuestion, type InterviewScript, type Question } from '../../../shared/interview/script';

export type Phase = 'asking' | 'thinking' | 'answering';

export interface RunnerState {
  questionIndex: number;
  take: number;
  phase: Phase;
  /** performance.now() at which this phase began (its buttons ignore clicks for a moment after). */
  phaseStartedAt: number;
  /** performance.now() at which the current timed phase ends; null while the question is being asked. */
  phaseEndsAt: number | null;
  /** The current timed phase's whole length in ms (extra time included); null while asking. */
  phaseMs: number | null;
  speechNote: string | null;
}

export interface RunnerPorts {
  questions: readonly Question[];
  /** The extra-time accommodation: every think time and answer limit is multiplied by it (default 1). */
  extraTime?: InterviewScript['extraTime'];
  /** The question to begin at (0-based): a resumed interview goes on where it stopped. */
  startAt?: number;
  /** Plays question `index` into the recording; returns a note when it could only be shown, not spoken. */
  ask(index: number): Promise<string | null>;
  mark(kind: 'question.start' | 'question.end' | 'question.retake', data: Record<string, unknown>): void;
  newSegment(): Promise<void>;
  onState(state: RunnerState): void;
  now?: () => number;
}

/**
 * Runs the questions in order: ask (spoken), think (countdown), answer (time limit). The person can end a
 * phase early (skip) or, where allowed, retake the answer, which starts a new segment and asks again.
 */
export function createInterviewRunner(ports: RunnerPorts) {
  const now = ports.now ?? (() => performance.now());
  const extraTime = ports.extraTime ?? 1;
  let wake: ((action: 'skip' | 'retake') => void) | null = null;
  let cancelled = false;
  let onCancel: () => void = () => undefined;
  const cancellation = new Promise<null>((resolve) => (onCancel = () => resolve(null)));

  const wait = (ms: number) =>
    new Promise<'timeout' | 'skip' | 'retake'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), ms);
      wake = (action) => {
        clearTimeout(timer);
        resolve(action);
      };
    }).finally(() => (wake = null));

  /** Says a timed phase (think or answer) has begun, lasting `ms` from now; returns when it began. */
  const enterTimedPhase = (state: Pick<RunnerState, 'questionIndex' | 'take' | 'phase' | 'speechNote'>, ms: number) => {
    const startedAt = now();
    ports.onState({ ...state, phaseStartedAt: startedAt, phaseEndsAt: startedAt + ms, phaseMs: ms });
    return startedAt;
  };

  /** One take of question `index`: asked, thought about, answered. Null when cancelled. */
  async function takeOf(index: number, take: number) {
    const question = ports.questions[index]!;
    const { thinkSeconds, answerSeconds } = timedQuestion({ extraTime }, question);
    const base = { questionIndex: index, take };
    ports.mark('question.start', { index, take, text: question.text.slice(0, 200) });
    ports.onState({ ...base, phase: 'asking', phaseStartedAt: now(), phaseEndsAt: null, phaseMs: null, speechNote: null });
    // Asking can take seconds (speech); a cancellation must not wait for it.
    const speechNote = await Promise.race([ports.ask(index), cancellation]);
    if (cancelled) return null;
    const thinkMs = thinkSeconds * 1000;
    enterTimedPhase({ ...base, phase: 'thinking', speechNote }, thinkMs);
    if (thinkMs > 0) await wait(thinkMs);
    if (cancelled) return null;
    const answerMs = answerSeconds * 1000;
    const answerStartedAt = enterTimedPhase({ ...base, phase: 'answering', speechNote }, answerMs);
    const outcome = await wait(answerMs);
    if (cancelled) return null;
    ports.mark('question.end', { index, take, ended: outcome, answeredMs: Math.round(now() - answerStartedAt) });
    return outcome;
  }

  async function run(): Promise<void> {
    const first = Math.min(Math.max(0, ports.startAt ?? 0), ports.questions.length);
    for (let index = first; index < ports.questions.length && !cancelled; index++) {
      const retakes = ports.questions[index]!.retakes;
      for (let take = 1; !cancelled; take++) {
        const outcome = await takeOf(index, take);
        if (outcome === null) return;
        if (outcome !== 'retake' || take > retakes) break;
        ports.mark('question.retake', { index, take: take + 1 });
        await ports.newSegment();
      }
    }
  }

  return {
    run,
    /** Ends the current think or answer phase now. */
    skip: () => wake?.('skip'),
    retake: () => wake?.('retake'),
    /** Stops after the current step (the recording had to stop); no further markers are written. */
    cancel: () => {
      cancelled = true;
      onCancel();
      wake?.('skip');
    },
  };
}
