import type { Database } from 'better-sqlite3';
import type { Config } from '../../../../shared/config/schema';
import type { CallSession } from '../../../../shared/domain/cloud';
import { getCloudSession } from '../../catalog/queries/cloud-sessions';
import type { Logger } from '../../logging/logger';
import { updateWhileRunning } from '../call-recordings';
import { checkHealth, register, type RegistrationDeps } from '../cloud-registration';
import { isCallSession, type Recorders } from '../recorders/cloud-recorder';
import type { SessionStore } from '../session-store';
import type { LastAnswer } from './recording-health';

/** The backend is asked about one recording at most this often on request; between, the last answer stands. */
export const MIN_HEALTH_QUERY_MS = 5000;

export interface RecordingWatchDeps {
  db: Database;
  store: SessionStore;
  recorders: Recorders;
  settings: Config['backends'];
  logger: Logger;
  now(): Date;
}

interface Watched {
  controller: AbortController;
  /** The registration and health checks under way: the stop waits for them, so none lands after it. */
  work: Set<Promise<void>>;
  timer: NodeJS.Timeout;
  /** Settles when the backend first answered the start (or the start gave up). */
  firstAnswer: Promise<void>;
}

/** The session, while it records (a health query makes sense only then). */
function runningSession(db: Database, sessionId: string): CallSession | undefined {
  const session = getCloudSession(db, sessionId);
  return session && isCallSession(session) && session.state === 'active' ? session : undefined;
}

/** Keeps a check's promise with its session's work (so a stop can wait for it); a failure is logged, never thrown. */
function track(logger: Logger, entry: Watched | undefined, work: Promise<void>): Promise<void> {
  const settled = work.catch((error: unknown) => logger.warn('Cloud check failed', { error: (error as Error).message }));
  if (entry) {
    entry.work.add(settled);
    void settled.finally(() => entry.work.delete(settled));
  }
  return settled;
}

/** A watched session's entry: `tick` runs every `everyMs`; `answered` settles `firstAnswer`. */
function newEntry(everyMs: number, tick: () => void): { entry: Watched; answered: () => void } {
  let answered!: () => void;
  const entry: Watched = {
    controller: new AbortController(),
    work: new Set(),
    firstAnswer: new Promise<void>((resolve) => (answered = resolve)),
    timer: setInterval(tick, everyMs).unref(),
  };
  return { entry, answered };
}

/**
 * The interviewer's running sessions as this run watches them: registered in the background, asked for their
 * health every `healthSeconds` and on request (never more often than MIN_HEALTH_QUERY_MS, one query at a time),
 * and whether the backend answered the last call.
 */
export function createRecordingWatch(deps: RecordingWatchDeps) {
  const { db } = deps;
  const watched = new Map<string, Watched>();
  const lastAnswer = new Map<string, LastAnswer>();
  const lastQueryAt = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();
  const registration: RegistrationDeps = {
    recorders: deps.recorders,
    now: deps.now,
    update: updateWhileRunning(db, deps.store),
    answered: (sessionId, answered) => lastAnswer.set(sessionId, answered ? 'answered' : 'no-answer'),
  };
  const running = (sessionId: string) => runningSession(db, sessionId);

  /** One health query; while it is under way, asking again waits for it rather than sending another. */
  function query(session: CallSession): Promise<void> {
    const pending = inFlight.get(session.id);
    if (pending) return pending;
    lastQueryAt.set(session.id, deps.now().getTime());
    const asked = track(
      deps.logger,
      watched.get(session.id),
      checkHealth(registration, session).finally(() => inFlight.delete(session.id)),
    );
    inFlight.set(session.id, asked);
    return asked;
  }

  /** Registers in the background (retrying while the backend is down), then checks at once if that worked. */
  function registerThenCheck(entry: Watched, session: CallSession, answered: () => void): void {
    // The start resolves at the backend's first word on the registration: success, refusal, or no answer.
    const onFirstAnswer: RegistrationDeps = {
      ...registration,
      update: (id, changes) => {
        registration.update(id, changes);
        answered();
      },
    };
    void track(
      deps.logger,
      entry,
      (async () => {
        await register(onFirstAnswer, session, entry.controller.signal);
        answered();
        const registered = running(session.id);
        if (registered && !entry.controller.signal.aborted) await query(registered);
      })(),
    );
  }

  return {
    /**
     * Checks health every `healthSeconds` while the session runs; with `registering`, first registers it. Resolves
     * once the backend first answered (at once for a session already running).
     */
    watch(session: CallSession, registering: boolean): Promise<void> {
      const { entry, answered } = newEntry(deps.settings.healthSeconds * 1000, () => {
        const now = running(session.id);
        if (now) void query(now);
      });
      watched.set(session.id, entry);
      if (registering) registerThenCheck(entry, session, answered);
      else {
        lastAnswer.set(session.id, 'answered');
        answered();
        void query(session);
      }
      return entry.firstAnswer;
    },

    /** Registration and checks end; resolves once none is under way, so none lands after a stop. */
    async unwatch(sessionId: string): Promise<void> {
      const entry = watched.get(sessionId);
      if (!entry) return;
      watched.delete(sessionId);
      clearInterval(entry.timer);
      entry.controller.abort();
      await Promise.all(entry.work);
    },

    /** The first answer to a start under way, if the session is watched. */
    firstAnswer: (sessionId: string): Promise<void> | undefined => watched.get(sessionId)?.firstAnswer,

    /** Asks the backend now about a running session, unless it was asked less than MIN_HEALTH_QUERY_MS ago. */
    async refresh(sessionId: string): Promise<void> {
      const session = running(sessionId);
      const askedAt = lastQueryAt.get(sessionId);
      const due = askedAt === undefined || deps.now().getTime() - askedAt >= MIN_HEALTH_QUERY_MS;
      if (session && (due || inFlight.has(sessionId))) await query(session);
    },

    lastAnswer: (sessionId: string): LastAnswer => lastAnswer.get(sessionId),
    isWatched: (sessionId: string): boolean => watched.has(sessionId),
    watchedIds: (): string[] => [...watched.keys()],
  };
}
export type RecordingWatch = ReturnType<typeof createRecordingWatch>;
