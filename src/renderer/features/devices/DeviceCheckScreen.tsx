import { useCallback, useEffect, useRef, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useMessages } from '../../i18n/locale-context';
import type { ScriptInfo } from '../interview/use-script';
import { activeDevices, trackDevice } from './active-devices';
import { resolveChoice, type DeviceKind } from './device-choice';
import { deviceMessages } from './device-messages';
import { DevicePickers } from './DevicePickers';
import { DiskEstimate } from './DiskEstimate';
import { MicMeter } from './MicMeter';
import { PermissionHelp } from './PermissionHelp';
import { RecordPlayback } from './RecordPlayback';
import { canChooseSpeaker } from './speaker-output';
import { StartActions } from './StartActions';
import { TestQuestion } from './TestQuestion';
import { useDevices } from './use-devices';
import type { MediaControls } from './use-media';

interface Props {
  info: ScriptInfo;
  controls: MediaControls;
  onStart(stream: MediaStream): void;
  onBack(): void;
}

/** Camera, microphone and speakers chosen and tried before the interview; Start once the microphone is heard. */
export function DeviceCheckScreen({ info, controls, onStart, onBack }: Props) {
  const t = useMessages(deviceMessages);
  const { media, choice, checkAgain, choose } = controls;
  const stream = media.status === 'ready' ? media.stream : null;
  const devices = useDevices(stream !== null);
  const speakers = resolveChoice({ audiooutput: choice.audiooutput }, devices);
  const kinds: DeviceKind[] = canChooseSpeaker() ? ['videoinput', 'audioinput', 'audiooutput'] : ['videoinput', 'audioinput'];
  const fellBack = [...(media.status === 'ready' ? media.fellBack : []), ...(devices.length ? speakers.missing : [])];

  const micId = trackDevice(stream, 'audio') ?? null;
  const [heardMic, setHeardMic] = useState<string | null>(null);
  const [quiet, setQuiet] = useState(false);
  const heard = micId !== null && heardMic === micId;
  const onHeard = useCallback(() => setHeardMic(micId), [micId]);
  useEffect(() => {
    // A camera or microphone unplugged here is replaced at once (by the default one, saying so).
    const tracks = stream?.getTracks() ?? [];
    tracks.forEach((track) => track.addEventListener('ended', checkAgain));
    return () => tracks.forEach((track) => track.removeEventListener('ended', checkAgain));
  }, [stream, checkAgain]);

  return (
    <section className="card flow device-check" aria-labelledby="devices-title">
      <ScreenHeading id="devices-title">{t('heading')}</ScreenHeading>
      {media.status === 'asking' && <p className="muted">{t('asking')}</p>}
      {media.status === 'error' && <PermissionHelp diagnosis={media.diagnosis} unchanged={media.unchanged} onCheckAgain={checkAgain} />}
      {fellBack.map((kind) => (
        <p key={kind} className="banner banner-warning">
          {t('fellBack', { kind })}
        </p>
      ))}
      <div className="device-check-body">
        <div className="device-check-media">
          <CameraPreview stream={stream} label={t('preview')} />
          {stream && <RecordPlayback stream={stream} />}
        </div>
        <div className="device-check-controls">
          <DevicePickers
            devices={devices}
            kinds={kinds}
            active={activeDevices(stream, speakers.ids.audiooutput, devices)}
            onChoose={choose}
          />
          {stream && <MicMeter stream={stream} onHeard={onHeard} />}
          <TestQuestion />
          <DiskEstimate info={info} />
        </div>
      </div>
      <StartActions
        ready={stream !== null}
        heard={heard}
        quiet={quiet}
        soundChecked={heard || quiet}
        onQuietChange={setQuiet}
        onStart={() => stream && onStart(stream)}
        onBack={onBack}
      />
    </section>
  );
}

function CameraPreview({ stream, label }: { stream: MediaStream | null; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  if (!stream) return null;
  return <video ref={video} className="preview" autoPlay muted playsInline aria-label={label} />;
}
