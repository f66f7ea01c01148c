import { useCallback, useState } from 'react';
import { api } from '../../api';
import { DeviceCheckScreen } from '../devices/DeviceCheckScreen';
import { useMedia } from '../devices/use-media';
import { ConsentScreen } from './ConsentScreen';
import { FinishScreen } from './FinishScreen';
import { InterviewScreen } from './InterviewScreen';
import type { InterviewResult } from './use-recorded-interview';
import type { ScriptInfo } from './use-script';

type Stage =
  { name: 'consent' } | { name: 'capture'; interviewId: string } | { name: 'finished'; interviewId: string; result: InterviewResult };

/** Consent → device check → interview → finish. The camera stream lives as long as the capture stage. */
export function InterviewFlow({ info, onExit }: { info: ScriptInfo; onExit(): void }) {
  const [stage, setStage] = useState<Stage>({ name: 'consent' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const agree = async () => {
    setBusy(true);
    try {
      const { interviewId } = await api.giveConsent({ scriptId: info.script.id, agreed: true });
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
        <CaptureStage info={info} interviewId={stage.interviewId} onDone={(result) => finish(stage.interviewId, result)} />
      )}
      {stage.name === 'finished' && <FinishScreen interviewId={stage.interviewId} result={stage.result} onClose={onExit} />}
    </>
  );
}

function CaptureStage({ info, interviewId, onDone }: { info: ScriptInfo; interviewId: string; onDone(result: InterviewResult): void }) {
  const [media, retry] = useMedia();
  const [recording, setRecording] = useState<MediaStream | null>(null);
  const start = (stream: MediaStream) => {
    if (info.fullscreen) void document.documentElement.requestFullscreen().catch(() => undefined);
    setRecording(stream);
  };
  if (recording) return <InterviewScreen info={info} interviewId={interviewId} stream={recording} onDone={onDone} />;
  return <DeviceCheckScreen info={info} media={media} retry={retry} onStart={start} />;
}
