import { useEffect, useRef } from 'react';
import { routeToSpeaker } from '../devices/speaker-output';

interface Props {
  participantId: string;
  attach(participantId: string, element: HTMLVideoElement): () => void;
  label: string;
  /** The candidate's media as the call delivers it to this element, for the backup recording (null when gone). */
  onStream(stream: MediaStream | null): void;
}

/** The candidate, large: their video and their voice (through the chosen speaker). */
export function CandidateVideo({ participantId, attach, label, onStream }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    void routeToSpeaker(element);
    const detach = attach(participantId, element);
    // The provider sets srcObject when the tracks arrive, which may be after attach.
    const report = () => onStream(element.srcObject instanceof MediaStream ? element.srcObject : null);
    element.addEventListener('loadedmetadata', report);
    report();
    return () => {
      element.removeEventListener('loadedmetadata', report);
      detach();
      onStream(null);
    };
  }, [participantId, attach, onStream]);
  return <video ref={video} className="desk-candidate-video" autoPlay playsInline aria-label={label} />;
}
