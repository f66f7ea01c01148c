import { useCallback, useEffect, useState } from 'react';
import { explainMediaError, MEDIA_CONSTRAINTS } from './permission-doctor';

export type MediaState =
  { status: 'asking' } | { status: 'ready'; stream: MediaStream } | { status: 'error'; title: string; advice: string };

/** Camera and microphone, with a person-readable explanation when they cannot be had. */
export function useMedia(): [MediaState, () => void] {
  const [state, setState] = useState<MediaState>({ status: 'asking' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    let stream: MediaStream | null = null;
    navigator.mediaDevices.getUserMedia(MEDIA_CONSTRAINTS).then(
      (s) => {
        stream = s;
        if (current) setState({ status: 'ready', stream: s });
        else s.getTracks().forEach((t) => t.stop());
      },
      (error: unknown) => current && setState({ status: 'error', ...explainMediaError(error) }),
    );
    return () => {
      current = false;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ status: 'asking' });
    setAttempt((a) => a + 1);
  }, []);
  return [state, retry];
}
