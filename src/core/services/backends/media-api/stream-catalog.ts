import type { Database } from 'better-sqlite3';
import { segmentExtent } from '../../catalog/queries/chunks';
import { appendStreamChunks, listStreamChunks, segmentChunksAfter, type MediaStream } from '../../catalog/queries/media-streams';
import { getRecordingOwner } from '../../catalog/queries/recordings';
import { planApiChunks, type StreamPlanLimits } from './stream-plan';

/**
 * The Media API session of a recorded segment. Segment 0 keeps the ID a whole-file upload always had; each
 * retake's segment is a container of its own, so it is a session of its own (the API concatenates a session's
 * chunks, and two containers end to end are not one playable video).
 */
export const streamSessionId = (recordingId: string, segmentSeq: number): string =>
  segmentSeq === 0 ? `irec-${recordingId}` : `irec-${recordingId}-s${segmentSeq}`;

export interface StreamPlan {
  /** API chunks planned by this call. */
  added: number;
  /** The segment will not grow any more: its last chunk is planned and finalize may follow. */
  complete: boolean;
  /** Bytes of the segment the catalog vouches for. */
  durableBytes: number;
}

/**
 * Plans API chunks for what became durable since the last plan, in one write transaction (the app and
 * `irec cloud deliver` may plan at once). A segment is complete once it ended, or once its recording is no
 * longer being recorded (a crashed one after recovery has cut it back to its whole chunks).
 */
export function planStream(db: Database, stream: MediaStream, limits: StreamPlanLimits): StreamPlan {
  return db
    .transaction((): StreamPlan => {
      const extent = segmentExtent(db, stream.recordingId, stream.segmentSeq);
      const complete = Boolean(extent?.ended) || getRecordingOwner(db, stream.recordingId)?.state !== 'recording';
      const last = listStreamChunks(db, stream.sessionId).at(-1);
      const plannedEnd = last ? last.byteOffset + last.size : 0;
      const ranges = planApiChunks(segmentChunksAfter(db, stream.recordingId, stream.segmentSeq, plannedEnd), plannedEnd, complete, limits);
      appendStreamChunks(db, stream.sessionId, ranges);
      return { added: ranges.length, complete, durableBytes: extent?.bytes ?? 0 };
    })
    .immediate();
}
