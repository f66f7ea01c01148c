import { useEffect, useRef } from 'react';

/** The recorded picture itself (overlay included), small, so the candidate sees what is being recorded. */
export function SelfView({ stream }: { stream: MediaStream }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} className="self-view" autoPlay muted playsInline aria-label="What is being recorded" />;
}
