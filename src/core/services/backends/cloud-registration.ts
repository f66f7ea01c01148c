import { sleep } from '../../../shared/async/sleep';
import type { CallSession } from '../../../shared/domain/cloud';
import type { CloudSessionChanges } from '../catalog/queries/cloud-sessions';
import { isBackendError } from './backend-error';
import { retryDelayMs } from './outbox/outbox-runner';
import { recorderFor, type Recorders } from './recorders/cloud-recorder';

export interface RegistrationDeps {
  recorders: Recorders;
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
  /**
   * After each call to the backend: whether the backend answered (with success or an error) or nobody did
   * (no connection, timeout, gateway). The interviewer's REC indicator says "the backend did not answer" from it.
   */
  answered?(sessionId: string, answered: boolean): void;
}

/** Statuses a proxy or load balancer gives for a backend behind it that did not answer. */
const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * Whether a failed call still got the backend's answer: no for no connection, a timeout or a gateway's 502–504;
 * unknown (undefined) for a rate limit, which says nothing about the recording, so the last answer stands.
 */
function answeredDespite(error: unknown): boolean | undefined {
  if (isBackendError(error, 'rate-limited')) return undefined;
  return !isBackendError(error) || (error.kind !== 'unreachable' && !GATEWAY_STATUSES.has(error.status ?? 0));
}

function reportFailure(deps: RegistrationDeps, sessionId: string, error: unknown): void {
  const answered = answeredDespite(error);
  if (answered !== undefined) deps.answered?.(sessionId, answered);
}

/**
 * Asks the backend to start recording, and keeps asking (backing off) while the interview runs and the
 * backend is unreachable or failing: a backend that returns mid-interview still records the rest. A refusal
 * (bad channel, bad token) ends the attempt at once. Never throws: the interview goes on regardless. A start
 * already sent when the interview ends is let finish, so that a recording it started is known and stopped.
 * After an answer was lost, the recording that start may have made is looked for before asking again.
 */
export async function register(deps: RegistrationDeps, session: CallSession, signal: AbortSignal): Promise<void> {
  const recorder = recorderFor(deps.recorders, session);
  const firstAttemptMs = deps.now().getTime();
  let answerLost = false;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const started =
        (answerLost && (await recorder.findStarted(session, firstAttemptMs).catch(() => undefined))) || (await recorder.start(session));
      deps.answered?.(session.id, true);
      deps.update(session.id, { state: 'active', startedAt: deps.now().toISOString(), error: null, ...started });
      return;
    } catch (error) {
      reportFailure(deps, session.id, error);
      const message = (error as Error).message;
      if (isBackendError(error) && !error.retryable) return void deps.update(session.id, { state: 'failed', error: message });
      answerLost ||= isBackendError(error, 'unreachable');
      deps.update(session.id, {
        error: `Not registered yet (${message}) — trying again; the interview is recorded on this computer regardless.`,
      });
      await sleep(retryDelayMs(attempt, error, 15_000), signal).catch(() => undefined);
    }
  }
}

/** One health check of a running cloud recording; the outcome is shown, never acted on (the stop still comes). */
export async function checkHealth(deps: RegistrationDeps, session: CallSession): Promise<void> {
  const checkedAt = deps.now().toISOString();
  try {
    const health = await recorderFor(deps.recorders, session).health(session);
    deps.answered?.(session.id, true);
    deps.update(session.id, { ...health, checkedAt });
  } catch (error) {
    reportFailure(deps, session.id, error);
    // A rate limit tells nothing about the recording: its last report stands.
    if (isBackendError(error, 'rate-limited')) return void deps.update(session.id, { checkedAt });
    const prefix = isBackendError(error, 'unreachable') ? 'Health check: backend unreachable' : 'Health check failed';
    deps.update(session.id, { checkedAt, error: `${prefix} — ${(error as Error).message}` });
  }
}
