import { useEffect, useRef } from 'react';

/** The recorded picture itself (overlay included), so the candidate sees what is being recorded. */
export function SelfView({ stream, label }: { stream: MediaStream; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} className="self-view" autoPlay muted playsInline aria-label={label} />;
}
