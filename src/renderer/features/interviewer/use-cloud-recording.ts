import { useCallback, useEffect, useState } from 'react';
import type { CloudRecordingHealth } from '../../../shared/domain/cloud-health';
import type { CloudSession } from '../../../shared/domain/cloud';
import { api } from '../../api';
import type { RecordedCall } from './desk-interview';
import { isFinished } from './rec-indicator-state';

/** How often the desk asks for the health; the core asks the backend at most every 5 s (its rate limits) and answers from memory between. */
const HEALTH_POLL_MS = 3000;

/**
 * The interviewer's cloud recording of the call: start (after the screen's confirmation), stop, and the health the
 * REC indicator shows, polled while it runs and refreshed on every `cloudSessionChanged` of its session.
 */
export function useCloudRecording(interviewId: string | null, recorded: RecordedCall | undefined, scheduleId?: string) {
  const [session, setSession] = useState<CloudSession | null>(null);
  const [health, setHealth] = useState<CloudRecordingHealth | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sessionId = session?.id;
  const running = session !== null && !isFinished(health?.sessionId === session.id ? health.health : 'starting');

  const refresh = useCallback(
    (id: string) =>
      api.cloudRecordingHealth({ sessionId: id }).then(
        (answer) => {
          setHealth(answer);
          setSession(answer.session);
        },
        (failure: unknown) => setError((failure as Error).message),
      ),
    [],
  );

  useEffect(() => {
    if (!sessionId || !running) return;
    const timer = setInterval(() => void refresh(sessionId), HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [sessionId, running, refresh]);

  useEffect(
    () =>
      api.on('cloudSessionChanged', (changed) => {
        if (changed.id !== sessionId) return;
        setSession(changed);
        void refresh(changed.id);
      }),
    [sessionId, refresh],
  );

  const start = useCallback(async () => {
    if (!interviewId || !recorded) return;
    setBusy(true);
    setError(null);
    try {
      const started = await api.startCloudRecording({
        interviewId,
        backend: recorded.backend,
        channel: recorded.channel,
        ...(scheduleId && { scheduleId }),
      });
      setSession(started);
      await refresh(started.id);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }, [interviewId, recorded, scheduleId, refresh]);

  const stop = useCallback(async () => {
    if (!sessionId) return;
    setBusy(true);
    try {
      setSession(await api.stopCloudRecording({ sessionId }));
      await refresh(sessionId);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }, [sessionId, refresh]);

  return { session, health, error, busy, running, start, stop };
}
export type CloudRecordingControl = ReturnType<typeof useCloudRecording>;
