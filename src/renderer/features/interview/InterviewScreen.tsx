import { useEffect, useMemo, useRef } from 'react';
import { liveCallOf } from '../../../shared/interview/script';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useNow } from '../../hooks/use-now';
import { useMessages } from '../../i18n/locale-context';
import { LiveCallPanel } from '../call/LiveCallPanel';
import { useLiveCall } from '../call/use-live-call';
import { CloudStatus } from './CloudStatus';
import { InterviewProgress } from './InterviewProgress';
import { interviewMessages } from './interview-messages';
import type { Phase } from './interview-runner';
import { PhaseActions } from './PhaseActions';
import { PhaseTimer } from './PhaseTimer';
import { SelfView } from './SelfView';
import { useLeaveWarning } from './use-leave-warning';
import { useRecordedInterview, type InterviewResult, type RecordingStart } from './use-recorded-interview';
import type { ScriptInfo } from './use-script';

interface Props {
  info: ScriptInfo;
  interviewId: string;
  stream: MediaStream;
  /** Where to begin: a resumed interview continues its recording at its question. */
  start?: RecordingStart;
  onDone(result: InterviewResult): void;
}

const PHASE_HEADING = { asking: 'phaseAsking', thinking: 'phaseThinking', answering: 'phaseAnswering' } as const satisfies Record<
  Phase,
  string
>;

export function InterviewScreen({ info, interviewId, stream, start, onDone }: Props) {
  const t = useMessages(interviewMessages);
  // The call is left before the recording stops: a drop still open is recorded while the recording can take it.
  const leaveCall = useRef<() => Promise<void>>(() => Promise.resolve());
  const { status, skip, retake, replay } = useRecordedInterview(info, interviewId, stream, onDone, start, () => leaveCall.current());
  const { script } = info;
  const live = useMemo(() => liveCallOf(script), [script]);
  const call = useLiveCall(live, stream, status.recording, script.candidateName);
  useEffect(() => {
    leaveCall.current = call.leave;
  }, [call.leave]);
  const now = useNow();
  useLeaveWarning(true);
  const runner = status.runner;
  if (!runner) {
    return (
      <section className="card flow interview" aria-labelledby="interview-starting">
        <ScreenHeading id="interview-starting">{t('starting')}</ScreenHeading>
      </section>
    );
  }
  const question = script.questions[runner.questionIndex]!;
  const remaining = runner.phaseEndsAt === null ? null : Math.max(0, runner.phaseEndsAt - now);
  const phaseKey = `${runner.questionIndex}:${runner.take}:${runner.phase}`;

  return (
    <section className="card interview" aria-labelledby="phase-heading">
      <div className="interview-head">
        <span className="rec-indicator" role="img" aria-label={t('recording')}>
          <span className="rec-dot" aria-hidden="true" /> <span aria-hidden="true">{t('rec')}</span>
        </span>
        <CloudStatus interviewId={interviewId} />
        {script.extraTime > 1 && <span className="extra-time">{t('extraTime', { factor: script.extraTime })}</span>}
      </div>
      <InterviewProgress script={script} state={runner} now={now} />
      <div className="interview-body">
        <div className="interview-main">
          {/* A new element per phase: focus moving onto it is what makes a screen reader say the new phase. */}
          <ScreenHeading key={phaseKey} id="phase-heading" focusKey={phaseKey} className="phase-heading">
            {t(PHASE_HEADING[runner.phase])}
          </ScreenHeading>
          {/* The caption of the spoken question: always on screen, in the script's language. */}
          <figure className="question-caption" lang={script.locale}>
            <figcaption className="visually-hidden">{t('questionLabel')}</figcaption>
            <p className="question-text">{question.text}</p>
          </figure>
          {runner.speechNote && (
            <p className="banner banner-warning" role="status">
              {t('notSpoken')}
            </p>
          )}
          {status.diskLow && (
            <p className="banner banner-warning" role="alert">
              {t('diskLow')}
            </p>
          )}
          {status.paused && (
            <p className="banner banner-warning" role="status">
              {t('catchingUp')}
            </p>
          )}
          <PhaseTimer phase={runner.phase} phaseMs={runner.phaseMs} remainingMs={remaining} />
          <PhaseActions
            state={runner}
            question={question}
            isLast={runner.questionIndex === script.questions.length - 1}
            now={now}
            onSkip={skip}
            onRetake={retake}
            onReplay={() => replay(runner.questionIndex)}
          />
        </div>
        <div className="interview-side">
          {call.status && <LiveCallPanel status={call.status} attach={call.attach} />}
          {status.preview && <SelfView stream={status.preview} label={t('selfView')} />}
        </div>
      </div>
    </section>
  );
}
