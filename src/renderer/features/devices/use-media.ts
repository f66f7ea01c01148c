import { useCallback, useEffect, useRef, useState } from 'react';
import { readChoice, rememberChoice, type DeviceChoice, type DeviceKind } from './device-choice';
import { openChosenMedia, stopStream } from './open-media';
import { diagnoseMediaError, sameDiagnosis, type Diagnosis } from './permission-doctor';

export type MediaState =
  | { status: 'asking' }
  | { status: 'ready'; stream: MediaStream; fellBack: DeviceKind[] }
  /** `unchanged`: "Check again" asked once more and the same blocker answered. */
  | { status: 'error'; diagnosis: Diagnosis; unchanged: boolean };

export interface MediaControls {
  media: MediaState;
  choice: DeviceChoice;
  /** Asks for the camera and microphone again (getUserMedia again, not a cached answer). */
  checkAgain(): void;
  /** Remembers `device` for its kind; a new camera or microphone is opened at once. */
  choose(kind: DeviceKind, device: { id: string; label: string }): void;
}

/** The chosen camera and microphone, with who blocked them when they cannot be had. */
export function useMedia(): MediaControls {
  const [media, setMedia] = useState<MediaState>({ status: 'asking' });
  const [choice, setChoice] = useState<DeviceChoice>(() => readChoice());
  const [attempt, setAttempt] = useState(0);
  const lastDiagnosis = useRef<Diagnosis | null>(null);
  const camera = choice.videoinput?.id;
  const microphone = choice.audioinput?.id;

  useEffect(() => {
    let current = true;
    let opened: MediaStream | null = null;
    openChosenMedia(readChoice()).then(
      (result) => {
        opened = result.stream;
        if (!current) return stopStream(result.stream);
        lastDiagnosis.current = null;
        setMedia({ status: 'ready', ...result });
      },
      async (error: unknown) => {
        const diagnosis = await diagnoseMediaError(error);
        if (!current) return;
        const unchanged = sameDiagnosis(lastDiagnosis.current, diagnosis);
        lastDiagnosis.current = diagnosis;
        setMedia({ status: 'error', diagnosis, unchanged });
      },
    );
    return () => {
      current = false;
      if (opened) stopStream(opened);
    };
  }, [attempt, camera, microphone]);

  const checkAgain = useCallback(() => {
    setMedia({ status: 'asking' });
    setAttempt((a) => a + 1);
  }, []);
  const choose = useCallback(
    (kind: DeviceKind, device: { id: string; label: string }) => {
      if (choice[kind]?.id === device.id) return;
      const next = { ...choice, [kind]: device };
      rememberChoice(next);
      if (kind !== 'audiooutput') setMedia({ status: 'asking' });
      setChoice(next);
    },
    [choice],
  );
  return { media, choice, checkAgain, choose };
}
