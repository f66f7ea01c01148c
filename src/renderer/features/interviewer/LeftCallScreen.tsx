import { ScreenHeading } from '../../components/ScreenHeading';
import { useNow } from '../../hooks/use-now';
import { useMessages } from '../../i18n/locale-context';
import type { DeskInterview } from './desk-interview';
import { DeskWork } from './DeskWork';
import { deskCallMessages } from './desk-call-messages';
import { RecControl } from './RecControl';
import { recIndicatorOf } from './rec-indicator-state';
import type { CloudRecordingControl } from './use-cloud-recording';
import { useDeskNotes } from './use-desk-notes';

interface Props {
  desk: DeskInterview;
  interviewId: string;
  name: string;
  cloud: CloudRecordingControl;
  onRejoin(): void;
  onDone(): void;
  /** Opens the review of the interview's recordings, where the app has it. */
  onReview?: () => void;
}

/** Out of the call: the cloud recording (still stoppable), the notes and the scorecard to finish, join again or done. */
export function LeftCallScreen({ desk, interviewId, name, cloud, onRejoin, onDone, onReview }: Props) {
  const t = useMessages(deskCallMessages);
  const now = useNow(1000) + performance.timeOrigin;
  const notes = useDeskNotes(interviewId, name, null);
  return (
    <div className="flow desk-left">
      <ScreenHeading id="desk-left-title">{t('leftTitle')}</ScreenHeading>
      <RecControl
        interviewId={interviewId}
        recordable={desk.recorded !== undefined}
        control={cloud}
        indicator={recIndicatorOf(cloud.health, cloud.session, now)}
      />
      <div className="actions">
        <button type="button" className="button-primary" onClick={onRejoin}>
          {t('rejoin')}
        </button>
        {onReview && (
          <button type="button" className="button-secondary" onClick={onReview}>
            {t('review')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={onDone}>
          {t('done')}
        </button>
      </div>
      <DeskWork interviewId={interviewId} desk={desk} notes={notes} />
    </div>
  );
}
