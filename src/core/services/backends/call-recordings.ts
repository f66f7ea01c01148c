import type { Database } from 'better-sqlite3';
import type { Config } from '../../../shared/config/schema';
import type { CallSession, CloudSession } from '../../../shared/domain/cloud';
import { getCloudSession, listCloudSessions, type CloudSessionChanges } from '../catalog/queries/cloud-sessions';
import { getInterviewLinks } from '../catalog/queries/interviews';
import { enqueueOutbox } from '../catalog/queries/outbox';
import { getRecordingDetail } from '../catalog/queries/recordings';
import type { Logger } from '../logging/logger';
import { checkHealth, register, type RegistrationDeps } from './cloud-registration';
import { isCallSession, recorderFor, type Recorders } from './recorders/cloud-recorder';
import type { SessionStore } from './session-store';

export interface CallRecordingsDeps {
  db: Database;
  store: SessionStore;
  recorders: Recorders;
  settings: Config['backends'];
  logger: Logger;
  now(): Date;
}

interface LiveRecording {
  controller: AbortController;
  /** Registrations and health checks under way: `end` waits for them, so none lands after the stop. */
  work: Set<Promise<void>>;
  health: NodeJS.Timeout;
}

/** Registration and health reports change a session only while it runs: a late answer must not overwrite the stop's outcome. */
export function updateWhileRunning(db: Database, store: SessionStore) {
  return (sessionId: string, changes: CloudSessionChanges): void => {
    const state = getCloudSession(db, sessionId)?.state;
    if (state === 'registering' || state === 'active') store.update(sessionId, changes);
  };
}

/**
 * The cloud recordings of the call (Agora, LiveKit, …) while a recording runs: registered when it starts, checked
 * for health while it runs, stopped (through the outbox) when it ends.
 */
export function createCallRecordings(deps: CallRecordingsDeps) {
  const { db, store, recorders } = deps;
  const live = new Map<string, LiveRecording>();
  const registration: RegistrationDeps = { recorders, now: deps.now, update: updateWhileRunning(db, store) };

  function track(running: LiveRecording, work: Promise<void>): void {
    const settled = work.catch((error: unknown) => deps.logger.warn('Cloud check failed', { error: (error as Error).message }));
    running.work.add(settled);
    void settled.finally(() => running.work.delete(settled));
  }

  const callSessions = (recordingId: string): CallSession[] => listCloudSessions(db, { recordingId }).filter(isCallSession);

  function watch(recordingId: string): LiveRecording {
    const running: LiveRecording = {
      controller: new AbortController(),
      work: new Set(),
      health: setInterval(() => {
        for (const session of callSessions(recordingId)) if (session.state === 'active') track(running, checkHealth(registration, session));
      }, deps.settings.healthSeconds * 1000).unref(),
    };
    live.set(recordingId, running);
    return running;
  }

  /** Registers, then checks at once: the first health report shows whether the cloud recording really runs. */
  async function registerAndCheck(running: LiveRecording, session: CallSession): Promise<void> {
    await register(registration, session, running.controller.signal);
    const registered = getCloudSession(db, session.id);
    if (registered && isCallSession(registered) && registered.state === 'active' && !running.controller.signal.aborted)
      await checkHealth(registration, registered);
  }

  /** Stops what was registered (through the outbox) and gives up on what never was. */
  function stopSession(session: CloudSession): void {
    // A Media API session is its outbox item's business from init to finalize: there is nothing to stop.
    if (!isCallSession(session)) return;
    if (session.state === 'registering') {
      store.update(session.id, {
        state: 'missed',
        error: `Never registered: ${session.error ?? 'the interview ended before the backend answered'}`,
      });
    } else if (session.state === 'active') {
      store.update(session.id, { state: 'stopping', stoppedAt: store.at() });
      enqueueOutbox(db, { sessionId: session.id, kind: recorderFor(recorders, session).stopKind, at: store.at() });
    }
  }

  return {
    /** Recording started: a session per recorder the interview's links name, each registered in the background. */
    begin(recordingId: string): void {
      const recording = getRecordingDetail(db, recordingId);
      const links = recording && getInterviewLinks(db, recording.interviewId);
      if (!links) return;
      const sessions = Object.values(recorders).flatMap((recorder) => {
        const where = recorder.plan(links);
        return where ? [store.create(links.id, recordingId, recorder.backend, where)] : [];
      });
      if (sessions.length === 0) return;
      const running = watch(recordingId);
      for (const session of sessions.filter(isCallSession))
        if (session.state === 'registering') track(running, registerAndCheck(running, session));
      deps.logger.info('Cloud recordings requested', { recordingId, backends: sessions.map((s) => `${s.backend}:${s.state}`) });
    },

    /** Recording stopped (by any path): registrations and checks end first, then the sessions are stopped. */
    async end(recordingId: string): Promise<void> {
      const running = live.get(recordingId);
      if (!running) return;
      live.delete(recordingId);
      clearInterval(running.health);
      running.controller.abort();
      await Promise.all(running.work);
      for (const session of listCloudSessions(db, { recordingId })) stopSession(session);
    },

    stopSession,
    isLive: (recordingId: string) => live.has(recordingId),
    liveRecordings: () => [...live.keys()],
  };
}
export type CallRecordings = ReturnType<typeof createCallRecordings>;
