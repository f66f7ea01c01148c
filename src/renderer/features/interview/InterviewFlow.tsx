import { useCallback, useState } from 'react';
import { api } from '../../api';
import { DeviceCheckScreen } from '../devices/DeviceCheckScreen';
import { useMedia } from '../devices/use-media';
import { ConsentScreen } from './ConsentScreen';
import { FinishScreen } from './FinishScreen';
import { InterviewScreen } from './InterviewScreen';
import type { InterviewResult, RecordingStart } from './use-recorded-interview';
import type { ScriptInfo } from './use-script';

/** An interrupted interview to go on with (what `getResumableInterview` answers, the fields used here). */
export interface ResumableInterview {
  interviewId: string;
  recordingId: string;
  questionIndex: number;
  questionCount: number;
  title: string;
}

type Stage =
  | { name: 'consent' }
  | { name: 'capture'; interviewId: string; start?: RecordingStart }
  | { name: 'finished'; interviewId: string; result: InterviewResult };

const firstStage = (resume?: ResumableInterview): Stage =>
  resume
    ? { name: 'capture', interviewId: resume.interviewId, start: { questionIndex: resume.questionIndex, recordingId: resume.recordingId } }
    : { name: 'consent' };

/**
 * Consent → device check → interview → finish. A resumed interview was consented to already: it starts at the
 * device check and records on into its paused recording. The camera stream lives as long as the capture stage.
 */
export function InterviewFlow({ info, resume, onExit }: { info: ScriptInfo; resume?: ResumableInterview; onExit(): void }) {
  const [stage, setStage] = useState<Stage>(() => firstStage(resume));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Back from the device check and agreeing again is the same interview, not a second one without a recording.
  const [consented, setConsented] = useState<string | null>(null);

  const agree = async () => {
    if (consented) return setStage({ name: 'capture', interviewId: consented });
    setBusy(true);
    try {
      const { interviewId } = await api.giveConsent({ scriptId: info.script.id, agreed: true });
      setConsented(interviewId);
      setStage({ name: 'capture', interviewId });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const finish = useCallback((interviewId: string, result: InterviewResult) => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    setStage({ name: 'finished', interviewId, result });
  }, []);

  return (
    <>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {stage.name === 'consent' && <ConsentScreen info={info} busy={busy} onAgree={() => void agree()} onCancel={onExit} />}
      {stage.name === 'capture' && (
        <CaptureStage
          info={info}
          interviewId={stage.interviewId}
          start={stage.start}
          onDone={(result) => finish(stage.interviewId, result)}
          onBack={() => (stage.start ? onExit() : setStage({ name: 'consent' }))}
        />
      )}
      {stage.name === 'finished' && <FinishScreen interviewId={stage.interviewId} result={stage.result} onClose={onExit} />}
    </>
  );
}

interface CaptureProps {
  info: ScriptInfo;
  interviewId: string;
  start?: RecordingStart;
  onDone(result: InterviewResult): void;
  /** Leaves the device check: to consent, or home for a resumed interview (consented to already). */
  onBack(): void;
}

function CaptureStage({ info, interviewId, start, onDone, onBack }: CaptureProps) {
  const media = useMedia();
  const [recording, setRecording] = useState<MediaStream | null>(null);
  const begin = (stream: MediaStream) => {
    if (info.fullscreen) void document.documentElement.requestFullscreen().catch(() => undefined);
    setRecording(stream);
  };
  if (recording) return <InterviewScreen info={info} interviewId={interviewId} stream={recording} start={start} onDone={onDone} />;
  return <DeviceCheckScreen info={info} controls={media} onStart={begin} onBack={onBack} />;
}
