import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CloudSession } from '../../../shared/domain/cloud';
import type { CloudSessionChanges } from '../catalog/queries/cloud-sessions';
import { isAgoraStatusHealthy } from './agora/agora-wire';
import { isBackendError } from './backend-error';
import type { BackendClients } from './backend-clients';
import { livekitStatusText } from './livekit/livekit-client';
import { retryDelayMs } from './outbox/outbox-runner';

/** Status 0 of an egress that has not been stopped: the document's "Processing" means recording here. */
const LIVE_EGRESS = 'Recording';

export interface RegistrationDeps {
  clients: BackendClients;
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
}

/** A bot uid unlikely to collide with a person's (Agora uids are 32-bit; people's are usually small). */
export const randomAgoraUid = (): string => String(randomInt(100_000_000, 2_147_483_647));

/**
 * Asks the backend to start recording, and keeps asking (backing off) while the interview runs and the
 * backend is unreachable or failing: a backend that returns mid-interview still records the rest. A refusal
 * (bad channel, bad token) ends the attempt at once. Never throws: the interview goes on regardless. A start
 * already sent when the interview ends is let finish, so that a recording it started is known and stopped.
 */
async function start(deps: RegistrationDeps, session: CloudSession): Promise<CloudSessionChanges> {
  if (session.backend === 'agora') {
    const started = await deps.clients.agora!.start({
      channel: session.target,
      uid: session.uid!,
      scheduleId: session.scheduleId ?? undefined,
    });
    return { resourceId: started.resourceId, remoteId: started.sid, statusText: 'Registered' };
  }
  const started = await deps.clients.livekit!.start(session.target);
  return { remoteId: started.egressId, statusText: LIVE_EGRESS, statusCode: 0 };
}

/**
 * A start whose answer was lost (timeout, reset) may have worked: look for the recording it would have made
 * before asking for another, which would run unstopped beside it (LiveKit) or be refused as a duplicate (Agora).
 */
async function findStarted(deps: RegistrationDeps, session: CloudSession, sinceMs: number): Promise<CloudSessionChanges | undefined> {
  if (session.backend === 'agora') {
    if (!session.scheduleId) return undefined;
    const { recordings } = await deps.clients.agora!.listBySchedule(session.scheduleId);
    const found = recordings.find((r) => r.channel_name === session.target && r.uid === session.uid && r.status === 'recording');
    return found && { resourceId: found.resource_id, remoteId: found.sid, statusText: 'Registered' };
  }
  const egresses = await deps.clients.livekit!.list(session.target);
  const found = egresses.find((e) => e.status === 0 && !e.endedAt && Date.parse(e.startedAt ?? '') >= sinceMs - 1000);
  return found && { remoteId: found.egressId, statusText: LIVE_EGRESS, statusCode: 0 };
}

/**
 * Asks the backend to start recording, and keeps asking (backing off) while the interview runs and the
 * backend is unreachable or failing: a backend that returns mid-interview still records the rest. A refusal
 * (bad channel, bad token) ends the attempt at once. Never throws: the interview goes on regardless. A start
 * already sent when the interview ends is let finish, so that a recording it started is known and stopped.
 */
export async function register(deps: RegistrationDeps, session: CloudSession, signal: AbortSignal): Promise<void> {
  const firstAttemptMs = deps.now().getTime();
  let answerLost = false;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const started =
        (answerLost && (await findStarted(deps, session, firstAttemptMs).catch(() => undefined))) || (await start(deps, session));
      deps.update(session.id, { state: 'active', startedAt: deps.now().toISOString(), error: null, ...started });
      return;
    } catch (error) {
      const message = (error as Error).message;
      if (isBackendError(error) && !error.retryable) return void deps.update(session.id, { state: 'failed', error: message });
      answerLost ||= isBackendError(error) && error.kind === 'unreachable';
      deps.update(session.id, {
        error: `Not registered yet (${message}) — trying again; the interview is recorded on this computer regardless.`,
      });
      await sleep(retryDelayMs(attempt, error, 15_000), undefined, { signal }).catch(() => undefined);
    }
  }
}

/** One health check of a running cloud recording; the outcome is shown, never acted on (the stop still comes). */
export async function checkHealth(deps: RegistrationDeps, session: CloudSession): Promise<void> {
  const checkedAt = deps.now().toISOString();
  try {
    if (session.backend === 'agora') {
      const queried = await deps.clients.agora!.query({
        channel: session.target,
        uid: session.uid!,
        resourceId: session.resourceId!,
        sid: session.remoteId!,
      });
      const healthy = isAgoraStatusHealthy(queried.status);
      deps.update(session.id, {
        statusCode: queried.status,
        statusText: queried.statusText,
        checkedAt,
        error: healthy ? null : `The cloud recording is not running: ${queried.statusText}.`,
      });
    } else if (session.backend === 'livekit') {
      const egress = await deps.clients.livekit!.status(session.remoteId!);
      const failed = egress.status === 2;
      deps.update(session.id, {
        statusCode: egress.status,
        statusText: egress.status === 0 ? LIVE_EGRESS : livekitStatusText(egress.status),
        checkedAt,
        error: failed ? `The room recording failed: ${egress.error ?? 'no reason given'}.` : null,
      });
    }
  } catch (error) {
    const prefix = isBackendError(error) && error.kind === 'unreachable' ? 'Health check: backend unreachable' : 'Health check failed';
    deps.update(session.id, { checkedAt, error: `${prefix} — ${(error as Error).message}` });
  }
}
