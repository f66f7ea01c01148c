import type { Database } from 'better-sqlite3';
import type { UploadJobSummary, UploadProgress } from '../../../shared/domain/upload';
import { countUploadJobs, listUploadJobs } from '../catalog/queries/uploads';
import type { Logger } from '../logging/logger';
import { cancelRecording, retryRecording, streamGrew, uploadRecording } from './recording-uploads';
import { resumePending } from './resume-pending';
import type { S3TargetState } from './s3-target';
import type { UploadServiceState } from './upload-context';
import { uploadFile } from './upload-file';
import { createProgressPublisher } from './upload-publisher';
import { createUploadQueue, type UploadQueue } from './upload-queue';
import { summarizeJob, summaryOf } from './upload-summary';

export interface UploadServiceDeps {
  db: Database;
  target: S3TargetState;
  appVersion: string;
  logger: Logger;
  emit(progress: UploadProgress): void;
  /** A recording's upload is verified (notification, retention). */
  onUploaded?(recordingId: string, progress: UploadProgress): void;
  now?: () => Date;
  maxAttempts?: number;
}

/** The queue and the progress publisher, wired to each other: a job's change is published as its recording's progress. */
function createState(deps: UploadServiceDeps): UploadServiceState & { queue: UploadQueue | null } {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  const target = deps.target.ok ? deps.target.target : null;
  const notConfigured = deps.target.ok ? '' : deps.target.reason;
  const fileListeners = new Map<string, (job: UploadJobSummary) => void>();
  let queue: UploadQueue | null = null;
  const publisher = createProgressPublisher({ db, target, notConfigured, isRunning: (id) => queue!.isRunning(id), emit: deps.emit });
  queue = target
    ? createUploadQueue({
        db,
        target,
        now: deps.now,
        maxAttempts: deps.maxAttempts,
        onJobChange: (job, note) => {
          if (!job.recordingId) return fileListeners.get(job.id)?.(summaryOf(db, job.id));
          publisher.note(job.recordingId, note);
          publisher.publish(job.recordingId, job.state !== 'uploading');
        },
      })
    : null;
  const { appVersion, logger, emit, onUploaded } = deps;
  return {
    db,
    logger,
    stamp,
    publisher,
    queue,
    ctx: target && queue ? { db, target, queue, publisher, logger, appVersion, stamp, emit, onUploaded } : null,
    notConfigured,
    pipelines: new Map(),
    streamPieces: new Map(),
    fileListeners,
    cancelled: new Set(),
  };
}

/**
 * Uploads recordings and files to S3 through the persistent queue: the recorded stream while recording
 * (`s3.progressive`), the finalized file and a manifest after finalize, any file on request. Publishes
 * per-recording progress with speed and ETA, and marks a recording uploaded only once every object is verified.
 */
export function createUploadService(deps: UploadServiceDeps) {
  const state = createState(deps);
  return {
    configured: state.ctx !== null,
    /** Why uploads are off, when they are. */
    notConfiguredReason: state.notConfigured,
    progress: state.publisher.progress,
    /** Recording: more of a segment is durable (or it ended); its stream upload follows, piece by piece. */
    streamGrew: (recordingId: string, seq: number) => streamGrew(state, recordingId, seq),
    /** Uploads a finalized recording; asking again while it runs joins the same upload. */
    uploadRecording: (recordingId: string) => uploadRecording(state, recordingId),
    /** Any file through the same resumable queue; running it again resumes the same upload. */
    uploadFile: (file: string, key?: string, onProgress?: (job: UploadJobSummary) => void) => uploadFile(state, { file, key, onProgress }),
    resumePending: () => resumePending(state),
    /** A failed upload goes again, resuming the parts already confirmed. */
    retry: (recordingId: string) => retryRecording(state, recordingId),
    cancel: (recordingId: string) => cancelRecording(state, recordingId),
    jobs: (limit = 100): UploadJobSummary[] => listUploadJobs(deps.db, { limit }).map(summarizeJob),
    counts: () => countUploadJobs(deps.db),
    close: async () => state.queue?.close(),
  };
}

export type UploadService = ReturnType<typeof createUploadService>;
