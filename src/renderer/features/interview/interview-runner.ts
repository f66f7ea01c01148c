import type { Question } from '../../../shared/interview/script';

export type Phase = 'asking' | 'thinking' | 'answering';

export interface RunnerState {
  questionIndex: number;
  take: number;
  phase: Phase;
  /** performance.now() at which the current timed phase ends; null while the question is being asked. */
  phaseEndsAt: number | null;
  speechNote: string | null;
}

export interface RunnerPorts {
  questions: readonly Question[];
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

  async function run(): Promise<void> {
    for (let index = 0; index < ports.questions.length && !cancelled; index++) {
      const question = ports.questions[index]!;
      for (let take = 1; !cancelled; take++) {
        const base = { questionIndex: index, take };
        ports.mark('question.start', { index, take, text: question.text.slice(0, 200) });
        ports.onState({ ...base, phase: 'asking', phaseEndsAt: null, speechNote: null });
        // Asking can take seconds (speech); a cancellation must not wait for it.
        const speechNote = await Promise.race([ports.ask(index), cancellation]);
        if (cancelled) return;
        ports.onState({ ...base, phase: 'thinking', phaseEndsAt: now() + question.thinkSeconds * 1000, speechNote });
        if (question.thinkSeconds > 0) await wait(question.thinkSeconds * 1000);
        if (cancelled) return;
        ports.onState({ ...base, phase: 'answering', phaseEndsAt: now() + question.answerSeconds * 1000, speechNote });
        const outcome = await wait(question.answerSeconds * 1000);
        if (cancelled) return;
        ports.mark('question.end', { index, take, ended: outcome });
        if (outcome !== 'retake' || take > question.retakes) break;
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
