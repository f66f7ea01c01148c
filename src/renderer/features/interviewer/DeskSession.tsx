import { useCallback, useState } from 'react';
import { Banner } from '../../components/Banner';
import { api } from '../../api';
import { useAsync } from '../../hooks/use-async';
import { useMessages } from '../../i18n/locale-context';
import { useMedia } from '../devices/use-media';
import { ReviewScreen } from '../review/ReviewScreen';
import { interviewerRequestOf, type DeskInterview } from './desk-interview';
import { deskEntryMessages } from './desk-entry-messages';
import { InCallScreen } from './InCallScreen';
import { LeftCallScreen } from './LeftCallScreen';
import { PreJoinScreen } from './PreJoinScreen';
import { useCloudRecording } from './use-cloud-recording';
import { useDeskCall } from './use-desk-call';

interface Props {
  desk: DeskInterview;
  /** The interviewer's display name and, when configured, role. */
  name: string;
  role?: string;
  onExit(): void;
}

/** One interview on the desk, from pre-join through the call to after it; its catalog row is found or made first. */
export function DeskSession({ desk, name, role, onExit }: Props) {
  const t = useMessages(deskEntryMessages);
  const [opened] = useAsync(useCallback(() => api.openInterviewerInterview(interviewerRequestOf(desk)), [desk]));
  if (opened.status === 'loading') return <p className="muted">{t('opening')}</p>;
  if (opened.status === 'error')
    return (
      <Banner tone="error" title={t('failed')}>
        <p>{opened.message}</p>
        <button type="button" className="button-secondary" onClick={onExit}>
          {t('back')}
        </button>
      </Banner>
    );
  return <DeskStages desk={desk} interviewId={opened.value.interviewId} name={name} role={role} onExit={onExit} />;
}

function DeskStages({ desk, interviewId, name, role, onExit }: Props & { interviewId: string }) {
  const controls = useMedia();
  const stream = controls.media.status === 'ready' ? controls.media.stream : null;
  const call = useDeskCall(desk, name, stream);
  const cloud = useCloudRecording(interviewId, desk.recorded, desk.scheduleId);
  const [reviewing, setReviewing] = useState(false);
  if (reviewing) return <ReviewScreen interviewId={interviewId} onBack={() => setReviewing(false)} />;
  if (call.stage === 'presence')
    return (
      <PreJoinScreen desk={desk} name={name} role={role} controls={controls} presence={call.state} onJoin={call.join} onBack={onExit} />
    );
  if (call.stage === 'call')
    return <InCallScreen desk={desk} interviewId={interviewId} name={name} call={call} stream={stream} cloud={cloud} />;
  return (
    <LeftCallScreen
      desk={desk}
      interviewId={interviewId}
      name={name}
      cloud={cloud}
      onRejoin={call.join}
      onDone={onExit}
      onReview={() => setReviewing(true)}
    />
  );
}
