import type { CloudHealthState, CloudRecordingHealth } from '../../../shared/domain/cloud-health';
import type { CloudSession } from '../../../shared/domain/cloud';

/** What the REC indicator shows: its tone, the health to put in words (none: not recording), and its timer. */
export interface RecIndicator {
  tone: 'recording' | 'warning' | 'idle';
  health: CloudHealthState | null;
  /** Time since the backend acknowledged the start, while the cloud records (or may still: not answering). */
  elapsedMs: number | null;
}

/** Healths after which nothing more happens to the session: polling ends, Start is offered again. */
const FINISHED: ReadonlySet<CloudHealthState> = new Set(['stopped', 'failed', 'no-cloud-storage']);

export const isFinished = (health: CloudHealthState | null): boolean => health === null || FINISHED.has(health);

/**
 * The indicator for the latest health answer (the session's own state until the first one). Red only while the
 * backend says it records; amber for everything that needs the interviewer's eye (starting, unanswered, a stop
 * still owed, a failure); grey when nothing runs.
 */
export function recIndicatorOf(health: CloudRecordingHealth | null, session: CloudSession | null, now: number): RecIndicator {
  if (!session) return { tone: 'idle', health: null, elapsedMs: null };
  const state: CloudHealthState = health?.sessionId === session.id ? health.health : session.state === 'active' ? 'recording' : 'starting';
  const startedAt = session.startedAt === null ? null : Date.parse(session.startedAt);
  const running = state === 'recording' || state === 'backend-unreachable';
  const elapsedMs = running && startedAt !== null && Number.isFinite(startedAt) ? Math.max(0, now - startedAt) : null;
  if (state === 'recording') return { tone: 'recording', health: state, elapsedMs };
  if (state === 'stopped') return { tone: 'idle', health: state, elapsedMs: null };
  return { tone: 'warning', health: state, elapsedMs };
}
