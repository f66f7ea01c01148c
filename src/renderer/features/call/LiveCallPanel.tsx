import { useEffect, useRef } from 'react';
import { useNow } from '../../hooks/use-now';
import { useMessages } from '../../i18n/locale-context';
import { callMessages } from './call-messages';
import { describeCallError, describeCallState } from './call-words';
import { liveCallMessages } from './live-call-messages';
import type { LiveCallStatus } from './live-call-session';

interface Props {
  status: LiveCallStatus;
  attach(participantId: string, element: HTMLVideoElement): () => void;
}

/**
 * The live call on the interview screen: one compact status line (never a blocking dialog: the interview records
 * whatever the call does) and the interviewer's video, whose audio plays through the same element.
 */
export function LiveCallPanel({ status, attach }: Props) {
  const t = useMessages(callMessages);
  const words = useMessages(liveCallMessages);
  const now = performance.timeOrigin + useNow(1000);
  const video = useRef<HTMLVideoElement>(null);
  const { remoteId } = status;

  useEffect(() => {
    if (!remoteId || !video.current) return;
    return attach(remoteId, video.current);
  }, [remoteId, attach]);

  const downSeconds = status.downSince === undefined ? 0 : Math.max(0, Math.round((now - status.downSince) / 1000));
  const line =
    status.phase === 'failed'
      ? describeCallError(t, status.provider, status.error ?? { kind: 'dropped' })
      : status.phase === 'reconnecting'
        ? `${describeCallState(t, 'reconnecting')} (${words('downFor', { seconds: downSeconds })})`
        : describeCallState(t, status.phase === 'ended' ? 'disconnected' : status.phase);
  const healthy = status.phase === 'connected' || status.phase === 'connecting';

  return (
    <div className="live-call" aria-label={words('label')}>
      {/* The provider's own words (the error's detail) on hover, for support; people read the sentence. */}
      <p
        className={`live-call-status ${healthy ? 'cloud-ok' : 'cloud-warn'}`}
        role="status"
        data-phase={status.phase}
        title={status.error?.detail}
      >
        <span className="cloud-dot" aria-hidden="true" /> {line}
      </p>
      {status.phase === 'connected' && !remoteId && <p className="muted">{words('waiting')}</p>}
      {remoteId && <video ref={video} className="remote-view" autoPlay playsInline aria-label={words('interviewer')} />}
    </div>
  );
}
