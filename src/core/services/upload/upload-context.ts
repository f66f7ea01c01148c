import type { Database } from 'better-sqlite3';
import type { UploadJobSummary, UploadProgress } from '../../../shared/domain/upload';
import { AppError } from '../../errors/app-error';
import type { Logger } from '../logging/logger';
import type { S3Target } from './s3-target';
import type { ProgressPublisher } from './upload-publisher';
import type { UploadQueue } from './upload-queue';

/** What the upload service's operations share once uploads are configured. */
export interface UploadContext {
  db: Database;
  target: S3Target;
  queue: UploadQueue;
  publisher: ProgressPublisher;
  logger: Logger;
  appVersion: string;
  stamp(): string;
  emit(progress: UploadProgress): void;
  onUploaded?(recordingId: string, progress: UploadProgress): void;
}

/** The upload service's own memory beside the catalog; every operation of the service takes it first. */
export interface UploadServiceState {
  db: Database;
  logger: Logger;
  stamp(): string;
  publisher: ProgressPublisher;
  /** Null when uploads are not configured; `notConfigured` then says why. */
  ctx: UploadContext | null;
  notConfigured: string;
  /** Recording uploads under way: asking again joins them. */
  pipelines: Map<string, Promise<UploadProgress>>;
  /** Pieces of each recording segment's stream already handed to the queue. */
  streamPieces: Map<string, number>;
  fileListeners: Map<string, (job: UploadJobSummary) => void>;
  /** Recordings whose upload the person cancelled: the recorded stream stops following them until a retry. */
  cancelled: Set<string>;
}

/** The configured uploads, or NOT_CONFIGURED with the reason (no bucket, no credentials…). */
export function configured(state: UploadServiceState): UploadContext {
  if (!state.ctx) throw new AppError('NOT_CONFIGURED', state.notConfigured, { details: { reason: state.notConfigured } });
  return state.ctx;
}

/** Runs a job in the background; its failure is logged (and shown through the recording's progress). */
export const runLogged = (state: UploadServiceState, jobId: string) =>
  configured(state)
    .queue.run(jobId)
    .catch((error: unknown) => state.logger.warn('Upload stopped', { jobId, error: (error as Error).message }));
