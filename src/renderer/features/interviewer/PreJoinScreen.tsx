import { ScreenHeading } from '../../components/ScreenHeading';
import { useMessages } from '../../i18n/locale-context';
import type { MediaControls } from '../devices/use-media';
import { DeskDevices } from './DeskDevices';
import { InterviewDetails } from './InterviewDetails';
import { candidateOf, type DeskCallState } from './desk-call-state';
import type { DeskInterview } from './desk-interview';
import { deskPrejoinMessages } from './desk-prejoin-messages';
import { useCallErrorWords } from './use-call-error-words';

interface Props {
  desk: DeskInterview;
  name: string;
  role?: string;
  controls: MediaControls;
  /** The presence in the call (joined without publishing): who is there already. */
  presence: DeskCallState;
  onJoin(): void;
  onBack(): void;
}

/** Before joining: the interview, the question guide, devices with preview, and whether the candidate is in the call. */
export function PreJoinScreen({ desk, name, role, controls, presence, onJoin, onBack }: Props) {
  const t = useMessages(deskPrejoinMessages);
  const callError = useCallErrorWords(desk.live.provider);
  const candidate = candidateOf(presence);
  const joinAs = role ? t('nameWithRole', { name, role }) : name;
  const line =
    presence.phase === 'failed'
      ? t('presenceFailed', { reason: callError(presence.error) })
      : presence.phase === 'connecting' || presence.phase === 'idle'
        ? t('presenceChecking')
        : candidate
          ? t('presenceCandidate')
          : t('presenceEmpty');
  return (
    <div className="flow desk-prejoin">
      <ScreenHeading id="prejoin-title">{t('title')}</ScreenHeading>
      <p className={`desk-presence ${candidate ? 'cloud-ok' : 'cloud-warn'}`} role="status" data-present={candidate ? 'yes' : 'no'}>
        <span className="cloud-dot" aria-hidden="true" /> {line}
      </p>
      <div className="desk-columns">
        <InterviewDetails desk={desk} joinAs={joinAs} />
        <DeskDevices controls={controls} />
      </div>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onJoin} disabled={controls.media.status === 'asking'}>
          {t('join')}
        </button>
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </div>
  );
}
