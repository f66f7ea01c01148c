import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveCall } from '../../../shared/interview/live-call';
import { api } from '../../api';
import type { RecorderSession } from '../recorder/recorder-session';
import { CALL_FACTORIES } from './call-providers';
import { startLiveCall, type LiveCallSession, type LiveCallStatus } from './live-call-session';

/** Agora wants a numeric uid (1 … 2³²−1); LiveKit and the development server take any identity. */
function candidateId(provider: LiveCall['provider']): string {
  const digits = String(1 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 4_000_000_000));
  return provider === 'agora' ? digits : `candidate-${digits}`;
}

/** The call's frame rate: enough for a face; more would take encoder time the recording's compositor needs. */
export const CALL_MAX_FPS = 15;

/**
 * What the call publishes: the microphone, and a copy of the camera capped at CALL_MAX_FPS (the recording keeps the
 * camera's full rate; the copy is stopped when the call ends).
 */
function callTracks(stream: MediaStream): MediaStreamTrack[] {
  return stream.getTracks().map((track) => {
    if (track.kind !== 'video') return track;
    const copy = track.clone();
    void copy.applyConstraints({ frameRate: { max: CALL_MAX_FPS } }).catch(() => undefined);
    return copy;
  });
}

/**
 * A live interview's call, joined once its recording runs (after consent and the device check), publishing the
 * camera and microphone the interview records. `status` is null for an interview without a call.
 */
export function useLiveCall(
  live: LiveCall | undefined,
  stream: MediaStream,
  recording: Pick<RecorderSession, 'recordingId' | 'mark'> | null,
  displayName: string,
) {
  const [status, setStatus] = useState<LiveCallStatus | null>(null);
  const session = useRef<LiveCallSession | null>(null);
  const recordingId = recording?.recordingId;
  const mark = recording?.mark;

  useEffect(() => {
    if (!live || !recordingId || !mark) return;
    const published = callTracks(stream);
    const call = startLiveCall({
      api,
      factories: CALL_FACTORIES,
      live,
      recordingId,
      participantId: candidateId(live.provider),
      displayName,
      tracks: published,
      mark,
      onStatus: setStatus,
    });
    session.current = call;
    // Only the copies made here: the interview's own tracks are the recording's.
    const copies = published.filter((track) => !stream.getTracks().includes(track));
    return () => void call.stop().finally(() => copies.forEach((track) => track.stop()));
  }, [live, recordingId, mark, stream, displayName]);

  return {
    // Until the call's first report (or a fresh call's), it is joining.
    status: live && recordingId ? (status ?? { provider: live.provider, phase: 'connecting' as const }) : null,
    /** Leaves the call (recording a drop still open); the interview calls it before its recording stops. */
    leave: useCallback(() => session.current?.stop() ?? Promise.resolve(), []),
    attach: useCallback(
      (participantId: string, element: HTMLVideoElement) => session.current?.attach(participantId, element) ?? (() => undefined),
      [],
    ),
  };
}
