import type { Database } from 'better-sqlite3';
import type { Config } from '../../../../shared/config/schema';
import type { CloudSession } from '../../../../shared/domain/cloud';
import { listCloudSessions, type CloudSessionChanges } from '../../catalog/queries/cloud-sessions';
import { findMediaStream, getMediaStream, insertMediaStream } from '../../catalog/queries/media-streams';
import { enqueueOutbox } from '../../catalog/queries/outbox';
import { getRecordingDetail } from '../../catalog/queries/recordings';
import type { Outbox } from '../outbox/outbox-runner';
import { planStream } from './stream-catalog';
import { RECORDER_CHUNKS_PER_API_CHUNK } from './stream-plan';

const MEDIA_SITE_MISSING =
  'Not uploaded: the Media Recording API needs backends.mediaApi.site (IREC_MEDIA_API_SITE), the hostname of your tenant.';

export interface StreamSessionsDeps {
  db: Database;
  /** False when the Media API is not a destination. */
  configured: boolean;
  settings: Config['backends']['mediaApi'];
  /** A new `media` cloud session of the recording, aimed at `target`. */
  createSession(interviewId: string, recordingId: string, target: string): CloudSession;
  update(sessionId: string, changes: CloudSessionChanges): void;
  publish(sessionId: string): void;
  outbox: Pick<Outbox, 'nudge'>;
  at(): string;
}

/**
 * The recording side of Media API streaming: each recorded segment gets its session (a cloud session, its
 * stream row and its owed delivery, created together), and each newly durable stretch is planned into API
 * chunks and handed to the outbox at once.
 */
export function createStreamSessions(deps: StreamSessionsDeps) {
  const { db } = deps;
  const limits = { recorderChunks: RECORDER_CHUNKS_PER_API_CHUNK, maxBytes: deps.settings.chunkMb * 1024 * 1024 };

  /** The segment's session (created once), or undefined when there is none to feed. */
  function open(recordingId: string, segmentSeq: number): string | undefined {
    if (!deps.configured) return undefined;
    const existing = findMediaStream(db, recordingId, segmentSeq);
    if (existing) return existing.sessionId;
    const media = listCloudSessions(db, { recordingId }).filter((s) => s.backend === 'media');
    // A whole finalized file owed to the API by an earlier version of the app: it stays the delivery.
    if (media.some((s) => !getMediaStream(db, s.id))) return undefined;
    const recording = getRecordingDetail(db, recordingId);
    if (!recording) return undefined;
    const site = deps.settings.site;
    if (!site) {
      // Once per recording, in words that name the missing setting.
      if (media.length === 0)
        deps.update(deps.createSession(recording.interviewId, recordingId, '(no site)').id, { state: 'missed', error: MEDIA_SITE_MISSING });
      return undefined;
    }
    const session = db.transaction(() => {
      const created = deps.createSession(recording.interviewId, recordingId, site);
      insertMediaStream(db, { sessionId: created.id, recordingId, segmentSeq });
      enqueueOutbox(db, { sessionId: created.id, kind: 'media.upload', at: deps.at() });
      return created;
    })();
    deps.publish(session.id);
    return session.id;
  }

  return {
    open(recordingId: string, segmentSeq: number): void {
      const sessionId = open(recordingId, segmentSeq);
      if (sessionId) deps.outbox.nudge(sessionId);
    },
    /** More of a segment is durable (or it ended): plan its next API chunks and have them sent now. */
    feed(recordingId: string, segmentSeq: number): void {
      const sessionId = open(recordingId, segmentSeq);
      const stream = sessionId && getMediaStream(db, sessionId);
      if (!stream || stream.finalizedAt) return;
      const plan = planStream(db, stream, limits);
      if (plan.added > 0 || plan.complete) deps.outbox.nudge(stream.sessionId);
    },
  };
}
