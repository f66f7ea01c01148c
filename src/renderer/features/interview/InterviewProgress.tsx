import type { InterviewScript } from '../../../shared/interview/script';
import { useMessages } from '../../i18n/locale-context';
import { remainingInterviewSeconds } from './interview-progress';
import { interviewMessages } from './interview-messages';
import type { RunnerState } from './interview-runner';

interface Props {
  script: Pick<InterviewScript, 'questions' | 'extraTime'>;
  state: RunnerState;
  now: number;
}

/** "Question 2 of 5 · about 6 minutes left" over a bar of the interview's time used so far. */
export function InterviewProgress({ script, state, now }: Props) {
  const t = useMessages(interviewMessages);
  const whole = remainingInterviewSeconds(script, { ...state, questionIndex: 0, phase: 'asking', phaseEndsAt: null }, now);
  const left = remainingInterviewSeconds(script, state, now);
  const minutes = left < 60 ? 0 : Math.round(left / 60);
  const parts = [t('questionOf', { number: state.questionIndex + 1, count: script.questions.length })];
  if (state.take > 1) parts.push(t('take', { take: state.take }));
  parts.push(t('aboutLeft', { minutes }));
  return (
    <div className="interview-progress">
      <span className="interview-progress-text">{parts.join(' · ')}</span>
      <progress max={Math.round(whole)} value={Math.round(whole - left)} aria-label={t('progressLabel')} />
    </div>
  );
}
