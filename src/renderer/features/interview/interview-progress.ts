import { timedQuestion, type InterviewScript } from '../../../shared/interview/script';
import type { RunnerState } from './interview-runner';

/**
 * About how long the interview still takes, in seconds: what is left of the current phase (and of the answer
 * after the think time), plus every later question's think time and answer limit. Retakes not taken are not
 * counted: they are the candidate's choice.
 */
export function remainingInterviewSeconds(
  script: Pick<InterviewScript, 'questions' | 'extraTime'>,
  state: RunnerState,
  now: number,
): number {
  const current = timedQuestion(script, script.questions[state.questionIndex]!);
  const phaseLeft = state.phaseEndsAt === null ? 0 : Math.max(0, state.phaseEndsAt - now) / 1000;
  const thisQuestion =
    state.phase === 'asking'
      ? current.thinkSeconds + current.answerSeconds
      : state.phase === 'thinking'
        ? phaseLeft + current.answerSeconds
        : phaseLeft;
  const later = script.questions.slice(state.questionIndex + 1).reduce((sum, q) => {
    const timed = timedQuestion(script, q);
    return sum + timed.thinkSeconds + timed.answerSeconds;
  }, 0);
  return thisQuestion + later;
}
