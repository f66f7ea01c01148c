import { formatElapsed } from '../recorder/geometry';
import { useNow } from '../../hooks/use-now';
import { CloudStatus } from './CloudStatus';
import { SelfView } from './SelfView';
import { useRecordedInterview, type InterviewResult } from './use-recorded-interview';
import type { ScriptInfo } from './use-script';

interface Props {
  info: ScriptInfo;
  interviewId: string;
  stream: MediaStream;
  onDone(result: InterviewResult): void;
}

const PHASE_LABEL = { asking: 'Listen to the question', thinking: 'Think about your answer', answering: 'Answer now' } as const;

export function InterviewScreen({ info, interviewId, stream, onDone }: Props) {
  const { status, skip, retake } = useRecordedInterview(info, interviewId, stream, onDone);
  const now = useNow();
  const runner = status.runner;
  const questions = info.script.questions;
  if (!runner) {
    return (
      <section className="card flow" aria-busy="true">
        <p className="muted">Starting the recording…</p>
      </section>
    );
  }
  const question = questions[runner.questionIndex]!;
  const remaining = runner.phaseEndsAt === null ? null : Math.max(0, runner.phaseEndsAt - now);
  const isLast = runner.questionIndex === questions.length - 1;
  const canRetake = runner.phase === 'answering' && runner.take <= question.retakes;

  return (
    <section className="card flow interview" aria-labelledby="question-title">
      <div className="interview-head">
        <span className="rec-indicator" role="status" aria-label="Recording">
          <span className="rec-dot" aria-hidden="true" /> REC
        </span>
        <CloudStatus interviewId={interviewId} />
        <span className="muted">
          Question {runner.questionIndex + 1} of {questions.length}
          {runner.take > 1 && ` · take ${runner.take}`}
        </span>
      </div>
      <div className="interview-body">
        <div className="flow">
          <h1 id="question-title" className="question-text">
            {question.text}
          </h1>
          {runner.speechNote && (
            <p className="banner banner-warning" role="status">
              This question could not be spoken aloud, so please read it on screen. ({runner.speechNote})
            </p>
          )}
          {status.diskLow && (
            <p className="banner banner-warning" role="alert">
              Free disk space is running low. The recording continues; if space runs out, it stops and keeps everything so far.
            </p>
          )}
          {status.paused && (
            <p className="banner banner-warning" role="status">
              Saving is catching up; recording resumes in a moment.
            </p>
          )}
          <p className="phase" aria-live="polite">
            <strong>{PHASE_LABEL[runner.phase]}</strong>
            {remaining !== null && <span className="countdown"> {formatElapsed(remaining + 999)} left</span>}
          </p>
          <div className="actions">
            {runner.phase === 'thinking' && (
              <button type="button" className="button-primary" onClick={skip}>
                Start answering now
              </button>
            )}
            {runner.phase === 'answering' && (
              <button type="button" className="button-primary" onClick={skip}>
                {isLast ? 'Finish interview' : 'Next question'}
              </button>
            )}
            {canRetake && (
              <button type="button" className="button-secondary" onClick={retake}>
                Retake this answer
              </button>
            )}
          </div>
        </div>
        {status.preview && <SelfView stream={status.preview} />}
      </div>
    </section>
  );
}
