import type { Database } from 'better-sqlite3';
import type { Config } from '../../../shared/config/schema';
import type { CloudSession } from '../../../shared/domain/cloud';
import type { InterviewerInterviewRequest } from '../../../shared/domain/interviewer-cloud';
import { abandonedCloudSessions, listCloudSessions } from '../catalog/queries/cloud-sessions';
import { listOutbox } from '../catalog/queries/outbox';
import { getRecordingDetail } from '../catalog/queries/recordings';
import type { Logger } from '../logging/logger';
import type { BackendClients } from './backend-clients';
import { createCallRecordings } from './call-recordings';
import { createDeliveries } from './cloud-delivery';
import { openInterviewerInterview } from './interviewer/interviewer-interview';
import { createInterviewerRecordings } from './interviewer/interviewer-recordings';
import { createStreamSessions } from './media-api/stream-sessions';
import { createOutbox } from './outbox/outbox-runner';
import { createRecorders } from './recorders/recorders';
import { createSessionStore } from './session-store';

export interface CloudServiceDeps {
  db: Database;
  settings: Config['backends'];
  clients: BackendClients;
  logger: Logger;
  emit(session: CloudSession): void;
  /** Whether recordings go to the Media Recording API (`upload.destination`); it also needs its URL. Default: yes. */
  mediaApiUploads?: boolean;
  now?: () => Date;
  /** Longest pause between outbox retries (tests shorten it). */
  retryCapMs?: number;
}

/** Runs a hook of the recording path; a failure here is logged, never passed to the recording. */
function guarded(logger: Logger) {
  return <A extends unknown[]>(name: string, hook: (...args: A) => void | Promise<void>) =>
    (...args: A): Promise<void> => {
      const failed = (error: unknown) => logger.error(`${name} failed`, { error: (error as Error).message });
      try {
        return Promise.resolve(hook(...args)).catch(failed);
      } catch (error) {
        failed(error);
        return Promise.resolve();
      }
    };
}

/** The parts of the service: its sessions, the call recorders, the outbox that delivers, the Media API streams. */
function assemble(deps: CloudServiceDeps) {
  const { db, clients, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child('cloud');
  const store = createSessionStore({ db, clients, emit: deps.emit, now });
  const recorders = createRecorders({ clients, settings, update: store.update, now });
  const outbox = createOutbox({
    db,
    deliver: createDeliveries({ db, clients, recorders, media: settings.mediaApi, update: store.update, now }),
    onChanged: store.publish,
    onGaveUp: (item, state, message) =>
      store.update(item.sessionId, state === 'failed' ? { state: 'failed', error: message } : { error: message }),
    logger,
    now,
    capMs: deps.retryCapMs,
  });
  const calls = createCallRecordings({ db, store, recorders, settings, logger, now });
  const interviewer = createInterviewerRecordings({
    db,
    store,
    recorders,
    clients,
    outbox,
    stopSession: calls.stopSession,
    settings,
    logger,
    now,
  });
  const streams = createStreamSessions({
    db,
    configured: Boolean(clients.media) && deps.mediaApiUploads !== false,
    settings: settings.mediaApi,
    createSession: (interviewId, recordingId, target) => store.create(interviewId, recordingId, 'media', { target }),
    update: store.update,
    publish: store.publish,
    outbox,
    at: store.at,
  });
  return { logger, outbox, calls, streams, interviewer, now };
}

/**
 * The backends' side of an interview: registers the cloud recordings its script names when recording starts,
 * checks their health while it runs, stops them when it ends, and streams the recording to the Media Recording
 * API — stops and uploads through the durable outbox. Nothing here can block or fail the local recording: every
 * public entry point catches and logs, and every backend error becomes a state and a message on the session.
 */
export function createCloudService(deps: CloudServiceDeps) {
  const { db, clients } = deps;
  const { logger, outbox, calls, streams, interviewer, now } = assemble(deps);
  const guard = guarded(logger);
  /** Recordings of live interviews whose candidate is not in the call yet: their cloud recordings wait. */
  const awaitingCall = new Set<string>();

  const begin = guard('Registering cloud recordings', (recordingId: string, options: { awaitCall?: boolean } = {}) => {
    // The Media API session is initialized as the recording starts, before its first chunk.
    streams.open(recordingId, 0);
    if (options.awaitCall) awaitingCall.add(recordingId);
    else calls.begin(recordingId);
  });

  const callJoined = guard('Registering cloud recordings of the call', (recordingId: string) => {
    if (!awaitingCall.delete(recordingId)) return;
    logger.info('Candidate in the call: registering its cloud recordings', { recordingId });
    calls.begin(recordingId);
  });

  /** Recording stopped (by any path): stop what was registered (through the outbox); give up on what never was. */
  const end = guard('Stopping cloud recordings', async (recordingId: string) => {
    awaitingCall.delete(recordingId);
    if (!calls.isLive(recordingId)) return;
    await calls.end(recordingId);
    outbox.kick();
  });

  return {
    /**
     * Recording started: register the cloud recordings the interview names — with `awaitCall`, not before
     * `callJoined` (a live interview: a recording started before the candidate is in the call records no one).
     * Returns at once.
     */
    begin: (recordingId: string, options?: { awaitCall?: boolean }) => void begin(recordingId, options),
    /** The candidate of a recording begun with `awaitCall` is in the call: its cloud recordings register now (once). */
    callJoined: (recordingId: string) => void callJoined(recordingId),
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
      for (const session of abandonedCloudSessions(db))
        if (!calls.isLive(session.recordingId ?? '') && !interviewer.isLive(session.id)) calls.stopSession(session);
      outbox.start();
    }),

    /**
     * The interviewer's control of the call's cloud recording, beside the automatic one above (docs/backends.md,
     * "The interviewer's cloud recording"): the interview's row, the candidate's consent, start, stop and health.
     */
    openInterviewerInterview: (input: InterviewerInterviewRequest) => openInterviewerInterview(db, input, now),
    interviewConsent: interviewer.consent,
    startRecording: interviewer.start,
    stopRecording: interviewer.stop,
    recordingHealth: interviewer.health,

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
      await Promise.all(calls.liveRecordings().map(end));
      await interviewer.close();
      await outbox.close();
    },
  };
}
export type CloudService = ReturnType<typeof createCloudService>;
