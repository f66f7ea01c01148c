import { useState } from 'react';
import { formatDuration } from '../../../shared/format';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useNow } from '../../hooks/use-now';
import { useMessages } from '../../i18n/locale-context';
import { SelfView } from '../interview/SelfView';
import { CandidateVideo } from './CandidateVideo';
import { BackupStatus } from './BackupStatus';
import { candidateOf } from './desk-call-state';
import type { DeskInterview } from './desk-interview';
import { DeskWork } from './DeskWork';
import { deskCallMessages } from './desk-call-messages';
import { ParticipantsList } from './ParticipantsList';
import { RecControl } from './RecControl';
import { recIndicatorOf } from './rec-indicator-state';
import type { CloudRecordingControl } from './use-cloud-recording';
import { useCallErrorWords } from './use-call-error-words';
import type { DeskCall } from './use-desk-call';
import { useDeskBackup } from './use-desk-backup';
import { useDeskNotes } from './use-desk-notes';

interface Props {
  desk: DeskInterview;
  interviewId: string;
  name: string;
  call: DeskCall;
  stream: MediaStream | null;
  cloud: CloudRecordingControl;
}

/** In the call: the candidate large and the interviewer small, controls, participants, the REC indicator, notes and scorecard. */
export function InCallScreen({ desk, interviewId, name, call, stream, cloud }: Props) {
  const t = useMessages(deskCallMessages);
  const callError = useCallErrorWords(desk.live.provider);
  const now = useNow(1000) + performance.timeOrigin;
  const [candidateStream, setCandidateStream] = useState<MediaStream | null>(null);
  const { state, muted } = call;
  const candidate = candidateOf(state);
  const indicator = recIndicatorOf(cloud.health, cloud.session, now);
  // The local backup recording of the call: what it composes, and its clock for the notes.
  const backup = useDeskBackup({ interviewId, inCall: state.phase !== 'left', candidate: candidateStream, own: stream });
  const notes = useDeskNotes(interviewId, name, backup);
  const elapsed = state.joinedAt === undefined ? null : formatDuration(Math.max(0, now - state.joinedAt));

  return (
    <div className="flow desk-call">
      <div className="desk-call-head">
        <ScreenHeading id="desk-call-title">{desk.title ?? t('title')}</ScreenHeading>
        {elapsed && <span className="countdown">{t('elapsed', { time: elapsed })}</span>}
      </div>
      <RecControl interviewId={interviewId} recordable={desk.recorded !== undefined} control={cloud} indicator={indicator} />
      <BackupStatus backup={backup} />
      {state.phase === 'reconnecting' && <p className="banner banner-warning">{t('reconnecting')}</p>}
      {state.phase === 'failed' && (
        <p className="banner banner-error" role="alert" title={state.error?.detail}>
          {t('callLost', { reason: callError(state.error) })}
        </p>
      )}
      <div className="desk-stage">
        <div className="desk-videos">
          {candidate ? (
            <CandidateVideo participantId={candidate.id} attach={call.attach} label={t('candidateVideo')} onStream={setCandidateStream} />
          ) : (
            <p className="desk-candidate-waiting">{t('waitingCandidate')}</p>
          )}
          {stream && <SelfView stream={stream} label={t('ownVideo')} />}
        </div>
        <div className="flow desk-side">
          <div className="actions desk-controls">
            <button type="button" className="button-secondary" onClick={() => call.setMuted('audio', !muted.audio)}>
              {muted.audio ? t('unmute') : t('mute')}
            </button>
            <button type="button" className="button-secondary" onClick={() => call.setMuted('video', !muted.video)}>
              {muted.video ? t('cameraOn') : t('cameraOff')}
            </button>
            <button type="button" className="button-primary desk-leave" onClick={call.leave}>
              {t('leave')}
            </button>
          </div>
          <ParticipantsList state={state} selfId={call.participantId} selfName={name} />
        </div>
      </div>
      <DeskWork interviewId={interviewId} desk={desk} notes={notes} />
    </div>
  );
}
