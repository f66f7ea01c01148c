import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api';
import { useMessages } from '../../../i18n/locale-context';
import { backupMessages } from './backup-messages';
import { startBackupSession, type BackupSession } from './backup-session';

export type BackupState = 'idle' | 'starting' | 'recording' | 'stopping' | 'stopped' | 'failed';

export interface BackupRecordingInput {
  /** The interviewer's interview (openInterviewerInterview). */
  interviewId: string;
  /** The candidate's stream as received from the call (playing in the desk's video), or undefined while absent. */
  candidate: MediaStream | undefined;
  /** The interviewer's own camera and microphone; null while they are not open (start then waits for them). */
  own: MediaStream | null;
}

export interface BackupRecording {
  state: BackupState;
  /** Starts a backup (from idle, stopped or failed: each start is a new recording of the interview). */
  start(): Promise<void>;
  /** Stops it; resolves once every chunk is durable and main has the stop (it then finalizes and uploads). */
  stop(): Promise<void>;
  /** The backup's media time, refreshed a few times a second; 0 before the first start. */
  elapsedMs: number;
  /** Why the last start failed or the backup stopped by itself, in words; null otherwise. */
  error: string | null;
  /** The recording's id once started: the notes' `localRecordingId`. */
  recordingId: string | null;
  /** The backup's media time right now (the notes' `localMs`), or null when none runs. */
  mediaMs(): number | null;
}

const TICK_MS = 250;

/**
 * The interviewer's local backup recording of the call, for the in-call screen: the candidate large, the interviewer
 * small, the REC overlay, both voices (backup-session.ts). The candidate may join, leave and come back while it
 * runs; leaving the screen stops it (and a closed page makes main stop it at its last durable chunk).
 */
export function useBackupRecording({ interviewId, candidate, own }: BackupRecordingInput): BackupRecording {
  const t = useMessages(backupMessages);
  const [state, setState] = useState<BackupState>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [recordingId, setRecordingId] = useState<string | null>(null);
  const session = useRef<BackupSession | null>(null);
  const latestCandidate = useRef(candidate);
  const busy = useRef(false);

  useEffect(() => {
    latestCandidate.current = candidate;
    session.current?.setCandidate(candidate);
  }, [candidate]);

  useEffect(() => {
    if (state !== 'recording') return;
    const timer = setInterval(() => setElapsedMs(session.current?.recordedMs() ?? 0), TICK_MS);
    return () => clearInterval(timer);
  }, [state]);

  // Leaving the screen stops the backup: what it recorded is finalized and sent. (A new `own` stream, after a device
  // change, is taken at the next start: the running backup keeps drawing the camera it started with.)
  useEffect(
    () => () => {
      void session.current?.stop().catch(() => undefined);
      session.current = null;
    },
    [],
  );

  const start = useCallback(async () => {
    if (busy.current || session.current || !own) return;
    busy.current = true;
    setState('starting');
    setError(null);
    setElapsedMs(0);
    try {
      const started = await startBackupSession({
        api,
        interviewId,
        own,
        candidate: latestCandidate.current,
        placeholder: t('waiting'),
        onFatal: (reason) => {
          session.current = null;
          setError(reason);
          setState('failed');
        },
      });
      session.current = started;
      setRecordingId(started.recordingId);
      setState('recording');
    } catch (cause) {
      setError((cause as Error).message);
      setState('failed');
    } finally {
      busy.current = false;
    }
  }, [interviewId, own, t]);

  const stop = useCallback(async () => {
    const running = session.current;
    if (!running || busy.current) return;
    busy.current = true;
    setState('stopping');
    try {
      setElapsedMs(running.recordedMs());
      await running.stop();
      session.current = null;
      setState('stopped');
    } catch (cause) {
      session.current = null;
      setError((cause as Error).message);
      setState('failed');
    } finally {
      busy.current = false;
    }
  }, []);

  const mediaMs = useCallback(() => (session.current ? Math.round(session.current.recordedMs()) : null), []);
  return { state, start, stop, elapsedMs, error, recordingId, mediaMs };
}
