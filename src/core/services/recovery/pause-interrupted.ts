import type { Database } from 'better-sqlite3';
import { markPaused } from '../catalog/queries/paused-recordings';
import { reconcileSegments } from './reconcile-segments';

/**
 * A recording whose process vanished mid-interview (crash, kill, power cut) is cut back to its last whole chunk and
 * paused: the candidate continues it or submits it; it is never finalized and sent on its own.
 */
export async function pauseInterrupted(db: Database, recordingId: string, now: () => Date = () => new Date()): Promise<void> {
  const at = now().toISOString();
  await reconcileSegments(db, recordingId, (result) => {
    markPaused(db, recordingId, { pausedAt: result.lastChunkAt ?? at, durationMs: result.estimatedDurationMs, recoveredAt: at });
  });
}
