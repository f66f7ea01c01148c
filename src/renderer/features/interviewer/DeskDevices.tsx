import { useMessages } from '../../i18n/locale-context';
import { activeDevices } from '../devices/active-devices';
import { resolveChoice, type DeviceKind } from '../devices/device-choice';
import { DevicePickers } from '../devices/DevicePickers';
import { MicMeter } from '../devices/MicMeter';
import { PermissionHelp } from '../devices/PermissionHelp';
import { canChooseSpeaker } from '../devices/speaker-output';
import { useDevices } from '../devices/use-devices';
import type { MediaControls } from '../devices/use-media';
import { SelfView } from '../interview/SelfView';
import { deskPrejoinMessages } from './desk-prejoin-messages';

const ignore = () => undefined;

/** The interviewer's camera, microphone and speaker pickers with the camera's preview and the microphone's level. */
export function DeskDevices({ controls }: { controls: MediaControls }) {
  const t = useMessages(deskPrejoinMessages);
  const { media, choice, checkAgain, choose } = controls;
  const stream = media.status === 'ready' ? media.stream : null;
  const devices = useDevices(stream !== null);
  const speaker = resolveChoice({ audiooutput: choice.audiooutput }, devices).ids.audiooutput;
  const kinds: DeviceKind[] = canChooseSpeaker() ? ['videoinput', 'audioinput', 'audiooutput'] : ['videoinput', 'audioinput'];
  return (
    <section className="card flow desk-devices" aria-labelledby="desk-devices-title">
      <h2 id="desk-devices-title">{t('devicesTitle')}</h2>
      {media.status === 'asking' && <p className="muted">{t('asking')}</p>}
      {media.status === 'error' && <PermissionHelp diagnosis={media.diagnosis} unchanged={media.unchanged} onCheckAgain={checkAgain} />}
      {stream && <SelfView stream={stream} label={t('preview')} />}
      <DevicePickers devices={devices} kinds={kinds} active={activeDevices(stream, speaker, devices)} onChoose={choose} />
      {stream && <MicMeter stream={stream} onHeard={ignore} />}
    </section>
  );
}
