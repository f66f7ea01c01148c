import { NO_CLOUD_STORAGE_WORDS, type CloudHealthState, type CloudRecordingHealth } from '../../../../shared/domain/cloud-health';
import type { CallSession } from '../../../../shared/domain/cloud';

/** Whether the backend gave a usable answer to the last call this run made for the session; unknown before any. */
export type LastAnswer = 'answered' | 'no-answer' | undefined;

/**
 * A cloud recording's health from its session and the last call's fate. Only a backend that answered and said it
 * records is "recording"; one that did not answer cannot be called recording, whatever it said before.
 */
export function healthOf(session: CallSession, lastAnswer: LastAnswer): CloudHealthState {
  switch (session.state) {
    case 'registering':
      return lastAnswer === 'no-answer' ? 'backend-unreachable' : 'starting';
    case 'active':
      if (lastAnswer === 'no-answer') return 'backend-unreachable';
      // The backend answered the health query, but not with a running recording (its words are the error).
      return session.error ? 'failed' : 'recording';
    case 'stopping':
      return 'stop-pending';
    case 'processing':
    case 'done':
      return 'stopped';
    case 'failed':
      return session.error?.includes(NO_CLOUD_STORAGE_WORDS) ? 'no-cloud-storage' : 'failed';
    case 'missed':
      return 'failed';
  }
}

/** The health with the words behind it: the error when there is one, else the backend's status. */
export function healthReport(session: CallSession, lastAnswer: LastAnswer): CloudRecordingHealth {
  return {
    sessionId: session.id,
    health: healthOf(session, lastAnswer),
    detail: session.pending?.lastError ?? session.error ?? session.statusText,
    checkedAt: session.checkedAt,
    session,
  };
}
