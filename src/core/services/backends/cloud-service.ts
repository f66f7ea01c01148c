import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../../shared/config/schema';
import type { CloudBackend, CloudSession } from '../../../shared/domain/cloud';
import {
  abandonedCloudSessions,
  getCloudSession,
  insertCloudSession,
  listCloudSessions,
  updateCloudSession,
  type CloudSessionChanges,
} from '../catalog/queries/cloud-sessions';
import { getInterviewLinks } from '../catalog/queries/interviews';
import { enqueueOutbox, listOutbox } from '../catalog/queries/outbox';
import { getRecordingDetail } from '../catalog/queries/recordings';
import type { Logger } from '../logging/logger';
import type { BackendClients } from './backend-clients';
import { createDeliveries } from './cloud-delivery';
import { checkHealth, randomAgoraUid, register } from './cloud-registration';
import { createStreamSessions } from './media-api/stream-sessions';
import { createOutbox } from './outbox/outbox-runner';

export interface CloudServiceDeps {
  db: Database;
  settings: Config['backends'];
  clients: BackendClients;
  logger: Logger;
  emit(session: CloudSession): void;
  now?: () => Date;
  /** Longest pause between outbox retries (tests shorten it). */
  retryCapMs?: number;
}

interface LiveRecording {
  controller: AbortController;
  /** Registrations and health checks under way: `end` waits for them, so none lands after the stop. */
  work: Set<Promise<void>>;
  health: NodeJS.Timeout;
}

/**
 * The backends' side of an interview: registers the Agora/LiveKit cloud recordings its script names when
 * recording starts, checks their health while it runs, stops them when it ends, and sends the finished
 * recording to the Media Recording API — stops and uploads through the durable outbox. Nothing here can
 * block or fail the local recording: every public entry point catches and logs, and every backend error
 * becomes a state and a message on the session.
 */
export function createCloudService(deps: CloudServiceDeps) {
  const { db, clients, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const at = () => now().toISOString();
  const logger = deps.logger.child('cloud');
  const live = new Map<string, LiveRecording>();

  const publish = (sessionId: string) => {
    const session = getCloudSession(db, sessionId);
    if (session) deps.emit(session);
  };
  const update = (sessionId: string, changes: CloudSessionChanges) => {
    updateCloudSession(db, sessionId, changes, at());
    publish(sessionId);
  };
  const outbox = createOutbox({
    db,
    deliver: createDeliveries({ db, clients, media: settings.mediaApi, update, now }),
    onChanged: publish,
    onGaveUp: (item, state, message) =>
      update(item.sessionId, state === 'failed' ? { state: 'failed', error: message } : { error: message }),
    logger,
    now,
    capMs: deps.retryCapMs,
  });
  // Health reports only while the recording runs: a late answer must not overwrite the stop's outcome.
  const registrationDeps = {
    clients,
    now,
    update: (sessionId: string, changes: CloudSessionChanges) => {
      const state = getCloudSession(db, sessionId)?.state;
      if (state === 'registering' || state === 'active') update(sessionId, changes);
    },
  };

  /** Runs a hook of the recording path; a failure here is logged, never passed to the recording. */
  function guard<A extends unknown[]>(name: string, hook: (...args: A) => void | Promise<void>) {
    return (...args: A): Promise<void> => {
      try {
        return Promise.resolve(hook(...args)).catch((error: unknown) =>
          logger.error(`${name} failed`, { error: (error as Error).message }),
        );
      } catch (error) {
        logger.error(`${name} failed`, { error: (error as Error).message });
        return Promise.resolve();
      }
    };
  }

  function createSession(
    interviewId: string,
    recordingId: string,
    backend: CloudBackend,
    target: string,
    extra: { uid?: string; scheduleId?: string | null },
  ) {
    const id = randomUUID();
    const client = clients[backend];
    insertCloudSession(db, {
      id,
      interviewId,
      recordingId,
      backend,
      state: client ? 'registering' : 'missed',
      target,
      createdAt: at(),
      ...extra,
    });
    if (!client) update(id, { error: clients.notConfigured[backend] ?? 'Not configured.' });
    return getCloudSession(db, id)!;
  }

  function stopSession(session: CloudSession): void {
    // A Media API session is its outbox item's business from init to finalize: there is nothing to stop.
    if (session.backend === 'media') return;
    if (session.state === 'registering') {
      update(session.id, {
        state: 'missed',
        error: `Never registered: ${session.error ?? 'the interview ended before the backend answered'}`,
      });
    } else if (session.state === 'active') {
      update(session.id, { state: 'stopping', stoppedAt: at() });
      enqueueOutbox(db, { sessionId: session.id, kind: session.backend === 'agora' ? 'agora.stop' : 'livekit.stop', at: at() });
    }
  }

  function track(running: LiveRecording, work: Promise<void>): void {
    const settled = work.catch((error: unknown) => logger.warn('Cloud check failed', { error: (error as Error).message }));
    running.work.add(settled);
    void settled.finally(() => running.work.delete(settled));
  }

  const streams = createStreamSessions({
    db,
    configured: Boolean(clients.media),
    settings: settings.mediaApi,
    createSession: (interviewId, recordingId, target) => createSession(interviewId, recordingId, 'media', target, {}),
    update,
    publish,
    outbox,
    at,
  });

  const begin = guard('Registering cloud recordings', (recordingId: string) => {
    // The Media API session is initialized as the recording starts, before its first chunk.
    streams.open(recordingId, 0);
    const recording = getRecordingDetail(db, recordingId);
    const links = recording && getInterviewLinks(db, recording.interviewId);
    if (!links || (!links.agoraChannel && !links.livekitRoom)) return;
    const sessions: CloudSession[] = [];
    if (links.agoraChannel)
      sessions.push(
        createSession(links.id, recordingId, 'agora', links.agoraChannel, {
          uid: settings.agora.uid ?? randomAgoraUid(),
          scheduleId: links.scheduleId,
        }),
      );
    if (links.livekitRoom) sessions.push(createSession(links.id, recordingId, 'livekit', links.livekitRoom, {}));
    const running: LiveRecording = {
      controller: new AbortController(),
      work: new Set(),
      health: setInterval(() => {
        for (const session of listCloudSessions(db, { recordingId }))
          if (session.state === 'active') track(running, checkHealth(registrationDeps, session));
      }, settings.healthSeconds * 1000).unref(),
    };
    live.set(recordingId, running);
    // A first health check right after registering shows at once whether the cloud recording really runs.
    for (const session of sessions.filter((s) => s.state === 'registering')) {
      track(
        running,
        register(registrationDeps, session, running.controller.signal).then(() => {
          const registered = getCloudSession(db, session.id);
          if (registered?.state === 'active' && !running.controller.signal.aborted) return checkHealth(registrationDeps, registered);
        }),
      );
    }
    logger.info('Cloud recordings requested', { recordingId, backends: sessions.map((s) => `${s.backend}:${s.state}`) });
  });

  /** Recording stopped (by any path): stop what was registered (through the outbox); give up on what never was. */
  const end = guard('Stopping cloud recordings', async (recordingId: string) => {
    const running = live.get(recordingId);
    if (!running) return;
    live.delete(recordingId);
    clearInterval(running.health);
    running.controller.abort();
    await Promise.all(running.work);
    for (const session of listCloudSessions(db, { recordingId })) stopSession(session);
    outbox.kick();
  });

  return {
    /** Recording started: register the cloud recordings the interview names. Returns at once. */
    begin: (recordingId: string) => void begin(recordingId),
    end,

    /** More of a recording is durable, or a segment ended: the Media API stream follows. Never throws. */
    streamGrew: guard('Streaming to the Media Recording API', streams.feed),

    /**
     * A recording is finalized (or recovered): every segment with chunks is streamed to the Media Recording API
     * if it was not already (recorded while the API was not configured, say), and finalized there.
     */
    uploadRecording: guard('Queueing the Media Recording API upload', (recordingId: string) => {
      if (!clients.media) return;
      const recording = getRecordingDetail(db, recordingId);
      for (const segment of recording?.segments ?? []) if (segment.chunkCount > 0) streams.feed(recordingId, segment.seq);
    }),

    /**
     * App start: cloud recordings a crashed or closed run left running are stopped (they would otherwise run
     * until Agora's idle timeout, or forever), then the outbox delivers whatever is still owed.
     */
    start: guard('Starting the outbox', () => {
      for (const session of abandonedCloudSessions(db)) if (!live.has(session.recordingId ?? '')) stopSession(session);
      outbox.start();
    }),

    sessions: (filter: { interviewId?: string; recordingId?: string; limit?: number } = {}) => listCloudSessions(db, filter),
    pendingCalls: () => listOutbox(db),
    /** Try every owed call now (held ones too: the user may have signed in again); failed ones with `includeFailed`. */
    retry(includeFailed = false): void {
      outbox.retryNow(includeFailed ? ['held', 'failed'] : ['held']);
    },
    /**
     * One delivery pass over every owed call, for `irec cloud deliver`: unlike `start()` it leaves running
     * sessions alone (the app may be recording them right now). Resolves with what is still owed.
     */
    async deliverOnce() {
      outbox.start();
      outbox.retryNow(['held', 'failed']);
      await outbox.idle();
      return listOutbox(db);
    },
    idle: () => outbox.idle(),
    async close(): Promise<void> {
      await Promise.all([...live.keys()].map(end));
      await outbox.close();
    },
  };
}
export type CloudService = ReturnType<typeof createCloudService>;
