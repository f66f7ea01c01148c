import type { Database } from 'better-sqlite3';
import type { UploadProgress } from '../../../shared/domain/upload';
import { segmentExtent } from '../catalog/queries/chunks';
import { getRecordingOwner } from '../catalog/queries/recordings';
import { listUploadJobs, type UploadJob } from '../catalog/queries/uploads';
import { pieceBytes } from './recording-objects';
import type { UploadFailure } from './s3-errors';
import type { S3Target } from './s3-target';
import { recordingProgress } from './upload-progress';
import { createRateMeter } from './upload-rate';

const PUBLISH_INTERVAL_MS = 250;

export interface ProgressPublisherDeps {
  db: Database;
  /** Null when uploads are not configured; `notConfigured` then says why. */
  target: S3Target | null;
  notConfigured: string;
  isRunning(jobId: string): boolean;
  emit(progress: UploadProgress): void;
}

/** Each recording's upload progress (speed from its own meter, the last failure note), published at most every 250 ms. */
export function createProgressPublisher(deps: ProgressPublisherDeps) {
  const meters = new Map<string, ReturnType<typeof createRateMeter>>();
  /** The last failure, and the bytes confirmed when it came: it holds until more bytes go through. */
  const notes = new Map<string, { failure: UploadFailure; confirmed: number }>();
  const confirmed = (recordingId: string) => listUploadJobs(deps.db, { recordingId }).reduce((sum, job) => sum + job.bytesConfirmed, 0);
  const lastPublished = new Map<string, number>();

  function progress(recordingId: string): UploadProgress {
    const { target, db } = deps;
    if (!target) return notConfiguredProgress(recordingId, deps.notConfigured);
    const durable = (job: UploadJob) => pieceBytes(segmentExtent(db, recordingId, job.segmentSeq ?? 0)?.bytes ?? 0, job.piece);
    const views = listUploadJobs(db, { recordingId })
      .filter((job) => job.state !== 'cancelled')
      .map((job) => ({ job, size: job.size ?? durable(job), running: deps.isRunning(job.id) }));
    const meter = meters.get(recordingId) ?? createRateMeter();
    meters.set(recordingId, meter);
    return recordingProgress({
      recordingId,
      bucket: target.bucket,
      views,
      recordingUploaded: getRecordingOwner(db, recordingId)?.state === 'uploaded',
      note: notes.get(recordingId)?.failure,
      bytesPerSecond: (bytesSent) => {
        meter.sample(bytesSent);
        return meter.bytesPerSecond();
      },
    });
  }

  function publish(recordingId: string, force = false): void {
    const at = Date.now();
    if (!force && at - (lastPublished.get(recordingId) ?? 0) < PUBLISH_INTERVAL_MS) return;
    lastPublished.set(recordingId, at);
    deps.emit(progress(recordingId));
  }

  return {
    progress,
    publish,
    /**
     * The latest failure of one of the recording's jobs, kept until a part goes through: a new attempt alone does not
     * clear it, and while the network is gone a server error does not replace "offline" — so the upload's state does
     * not flicker between offline, retrying and uploading with every attempt.
     */
    note(recordingId: string, note: UploadFailure | undefined): void {
      const held = notes.get(recordingId);
      const sent = confirmed(recordingId);
      const progressed = !held || sent > held.confirmed;
      if (!note) {
        if (progressed) notes.delete(recordingId);
      } else if (progressed || held.failure.kind !== 'offline' || note.kind === 'offline') {
        notes.set(recordingId, { failure: note, confirmed: sent });
      }
    },
  };
}

export type ProgressPublisher = ReturnType<typeof createProgressPublisher>;

const notConfiguredProgress = (recordingId: string, message: string): UploadProgress => ({
  recordingId,
  state: 'not-configured',
  bytesSent: 0,
  bytesTotal: 0,
  bytesPerSecond: null,
  etaSeconds: null,
  message,
});
