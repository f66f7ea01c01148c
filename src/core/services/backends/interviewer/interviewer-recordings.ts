import type { Database } from 'better-sqlite3';
import { createSerialQueue } from '../../../../shared/async/serial-queue';
import type { Config } from '../../../../shared/config/schema';
import type { CallBackend, CallSession, CloudSession } from '../../../../shared/domain/cloud';
import type { CloudRecordingHealth } from '../../../../shared/domain/cloud-health';
import type { InterviewConsent, StartCloudRecordingRequest } from '../../../../shared/domain/interviewer-cloud';
import { AppError } from '../../../errors/app-error';
import { getCloudSession, runningCallSession } from '../../catalog/queries/cloud-sessions';
import { latestConsentFor } from '../../catalog/queries/interview-consent';
import { getInterviewLinks, interviewExists } from '../../catalog/queries/interviews';
import type { Logger } from '../../logging/logger';
import type { BackendClients } from '../backend-clients';
import type { Outbox } from '../outbox/outbox-runner';
import { isCallSession, type RecorderTarget, type Recorders } from '../recorders/cloud-recorder';
import type { SessionStore } from '../session-store';
import { planRecording } from './plan-recording';
import { healthReport } from './recording-health';
import { createRecordingWatch } from './recording-watch';

export interface InterviewerRecordingsDeps {
  db: Database;
  store: SessionStore;
  recorders: Recorders;
  clients: BackendClients;
  outbox: Pick<Outbox, 'kick'>;
  /** The cloud service's own stop: an unanswered start is given up, a running recording's stop goes to the outbox. */
  stopSession(session: CloudSession): void;
  settings: Config['backends'];
  logger: Logger;
  now(): Date;
}

function requireCallSession(db: Database, sessionId: string): CallSession {
  const session = getCloudSession(db, sessionId);
  if (!session) throw new AppError('NOT_FOUND', `There is no cloud recording ${sessionId}.`, { details: { sessionId } });
  if (!isCallSession(session))
    throw new AppError('INVALID_PAYLOAD', `${sessionId} is a Media Recording API upload, not a cloud recording of the call.`);
  return session;
}

/**
 * The interviewer's control of the call's cloud recording: started and stopped by hand, beside (and through the
 * same recorders, registration and outbox as) the candidate's automatic one. Sessions belong to the interview,
 * not to a local recording. Quitting stops what runs (through the outbox, like the candidate's); what a crashed
 * run left running is stopped at the next app start.
 */
export function createInterviewerRecordings(deps: InterviewerRecordingsDeps) {
  const { db, store } = deps;
  const watch = createRecordingWatch(deps);
  const starts = createSerialQueue();

  /** A recording of the call the backend already runs (another computer's, an earlier run's), taken as this session. */
  async function joinRunning(interviewId: string, backend: CallBackend, where: RecorderTarget): Promise<CallSession | undefined> {
    if (!deps.clients[backend]) return undefined;
    const running = await deps.recorders[backend].findRunning(where).catch((error: unknown) => {
      deps.logger.info('Could not ask the backend for a running recording; starting one', { backend, error: (error as Error).message });
      return undefined;
    });
    if (!running) return undefined;
    const session = store.create(interviewId, null, backend, { ...where, uid: running.uid ?? where.uid });
    store.update(session.id, { state: 'active', error: null, ...running.changes });
    const joined = requireCallSession(db, session.id);
    await watch.watch(joined, false);
    deps.logger.info('Joined the cloud recording already running in the call', { interviewId, backend, sessionId: session.id });
    return joined;
  }

  /** Starts a new session, or returns the one already recording the call: never a second bot. */
  async function startOnce(request: StartCloudRecordingRequest): Promise<CallSession> {
    const links = getInterviewLinks(db, request.interviewId);
    if (!links) throw new AppError('NOT_FOUND', `There is no interview ${request.interviewId} in the catalog.`);
    const { backend, where } = planRecording(deps.recorders, links, request);
    const running = runningCallSession(db, backend, where.target);
    if (running) {
      await watch.firstAnswer(running.id);
      return requireCallSession(db, running.id);
    }
    const joined = await joinRunning(links.id, backend, where);
    if (joined) return joined;
    const session = store.create(links.id, null, backend, where);
    if (!isCallSession(session) || session.state !== 'registering') return requireCallSession(db, session.id);
    deps.logger.info('Cloud recording started by the interviewer', { interviewId: links.id, backend, sessionId: session.id });
    await watch.watch(session, true);
    return requireCallSession(db, session.id);
  }

  return {
    /**
     * Starts the cloud recording of the interview's call and resolves once the backend answered the first start
     * (or did not: the session then says why, and registration goes on). A recording already running in that
     * channel — started here by anyone, or on the backend as its schedule listing shows — is returned instead.
     * Starts run one at a time, so a double click cannot make two.
     */
    start: (request: StartCloudRecordingRequest): Promise<CallSession> => starts.run(() => startOnce(request)),

    /**
     * Stops it: a start still unanswered is given up; a running recording's stop goes through the outbox, so a
     * backend that is down gets it later (the session is `stopping` until then). Stopping twice changes nothing.
     */
    async stop(sessionId: string): Promise<CallSession> {
      const session = requireCallSession(db, sessionId);
      // Someone else's start (the candidate's recording on this computer) cannot be called off from here: its
      // registration would go on and leave a recording nobody stops.
      if (session.state === 'registering' && !watch.isWatched(sessionId))
        throw new AppError('CONFLICT', 'The cloud recording is still being started by the candidate’s recording; stop it once it runs.', {
          retryable: true,
        });
      await watch.unwatch(sessionId);
      deps.stopSession(requireCallSession(db, sessionId));
      deps.outbox.kick();
      return requireCallSession(db, sessionId);
    },

    /** The health now: a running recording's backend is asked (at most every few seconds), else the last answer stands. */
    async health(sessionId: string): Promise<CloudRecordingHealth> {
      requireCallSession(db, sessionId);
      await watch.refresh(sessionId);
      return healthReport(requireCallSession(db, sessionId), watch.lastAnswer(sessionId));
    },

    /** The consent the candidate gave for the interview, as recorded in this catalog; null when none is. */
    consent(interviewId: string): InterviewConsent {
      if (!interviewExists(db, interviewId)) throw new AppError('NOT_FOUND', `There is no interview ${interviewId} in the catalog.`);
      return latestConsentFor(db, interviewId) ?? null;
    },

    isLive: (sessionId: string) => watch.isWatched(sessionId),

    /** Quit: registrations and checks end, and what runs is stopped through the outbox (delivered now or next start). */
    async close(): Promise<void> {
      const sessionIds = watch.watchedIds();
      await Promise.all(sessionIds.map(watch.unwatch));
      for (const sessionId of sessionIds) {
        const session = getCloudSession(db, sessionId);
        if (session) deps.stopSession(session);
      }
      deps.outbox.kick();
    },
  };
}
export type InterviewerRecordings = ReturnType<typeof createInterviewerRecordings>;
