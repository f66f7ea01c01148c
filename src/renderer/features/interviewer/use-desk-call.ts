import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api } from '../../api';
import { CALL_FACTORIES } from '../call/call-providers';
import { prepareCall, tokenFailure } from '../call/call-token-source';
import { CallFailure, type CallError, type InterviewCall } from '../call/interview-call';
import { deskCallReducer, initialDeskCall } from './desk-call-state';
import type { DeskInterview } from './desk-interview';

/**
 * Where the interviewer is: `presence` before joining (in the call without publishing anything, to see who is
 * there: the call interface has no roster query, and every provider joins with no tracks), `call` joined and
 * publishing the camera and microphone, `left` out of it.
 */
export type DeskStage = 'presence' | 'call' | 'left';

const asCallError = (error: unknown): CallError => (error instanceof CallFailure ? error.error : tokenFailure(error).error);

/** Agora wants a numeric uid; LiveKit and the development server take any identity. */
function interviewerId(provider: DeskInterview['live']['provider']): string {
  const digits = String(1 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 4_000_000_000));
  return provider === 'agora' ? digits : `interviewer-${digits}`;
}

/**
 * The interviewer's call: one connection per stage (the presence, then the call with `stream`'s tracks; the same
 * participant id for both, so the candidate sees one person arrive), its state folded by deskCallReducer.
 */
export function useDeskCall(desk: DeskInterview, displayName: string, stream: MediaStream | null) {
  const [state, dispatch] = useReducer(deskCallReducer, initialDeskCall);
  const [stage, setStage] = useState<DeskStage>('presence');
  const [attempt, setAttempt] = useState(0);
  const [muted, setMutedState] = useState({ audio: false, video: false });
  const participantId = useMemo(() => interviewerId(desk.live.provider), [desk.live.provider]);
  const call = useRef<InterviewCall | null>(null);
  // The previous stage's leave: the next join waits for it, so a provider never sees the same participant id twice.
  const leaving = useRef<Promise<void>>(Promise.resolve());
  const published = stage === 'call' ? stream : null;

  useEffect(() => {
    if (stage === 'left') return;
    let active = true;
    let current: InterviewCall | undefined;
    let unlisten: (() => void) | undefined;
    dispatch({ type: 'joining' });
    void (async () => {
      try {
        await leaving.current;
        const { provider, channel } = desk.live;
        const prepared = await prepareCall(api, { provider, channel, participantId, displayName });
        if (!active) return;
        current = CALL_FACTORIES[provider](prepared.join, prepared.tokens);
        call.current = current;
        unlisten = current.on((event) => dispatch({ type: 'call', event }));
        await current.connect({ tracks: published?.getTracks() ?? [], timeoutMs: prepared.timeoutMs });
        if (active) dispatch({ type: 'joined', at: Date.now() });
      } catch (error) {
        if (active) dispatch({ type: 'failed', error: asCallError(error) });
      }
    })();
    return () => {
      active = false;
      unlisten?.();
      leaving.current = current?.disconnect().catch(() => undefined) ?? Promise.resolve();
      if (call.current === current) call.current = null;
    };
  }, [desk.live, participantId, displayName, stage, published, attempt]);

  const setMuted = useCallback((kind: 'audio' | 'video', value: boolean) => {
    setMutedState((was) => ({ ...was, [kind]: value }));
    void call.current?.setMuted(kind, value).catch(() => undefined);
  }, []);

  return {
    state,
    stage,
    participantId,
    muted,
    setMuted,
    join: useCallback(() => {
      setMutedState({ audio: false, video: false });
      setStage('call');
      setAttempt((n) => n + 1);
    }, []),
    leave: useCallback(() => {
      dispatch({ type: 'left' });
      setStage('left');
    }, []),
    attach: useCallback(
      (id: string, element: HTMLVideoElement) => call.current?.attach(id, element) ?? (() => undefined),
      // A new connection shows its own media: whoever attached must attach again.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [state.joinedAt, stage],
    ),
  };
}
export type DeskCall = ReturnType<typeof useDeskCall>;
