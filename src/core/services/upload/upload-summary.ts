import type { Database } from 'better-sqlite3';
import type { UploadJobSummary } from '../../../shared/domain/upload';
import { listUploadJobs, type UploadJobWithParts } from '../catalog/queries/uploads';

export function summarizeJob(job: UploadJobWithParts): UploadJobSummary {
  return {
    id: job.id,
    recordingId: job.recordingId,
    kind: job.kind,
    sourcePath: job.sourcePath,
    bucket: job.bucket,
    key: job.objectKey,
    state: job.state,
    bytesSent: job.bytesConfirmed,
    size: job.size,
    partsConfirmed: job.partsConfirmed,
    partsPlanned: job.partsPlanned,
    lastError: job.lastError,
    updatedAt: job.updatedAt,
    completedAt: job.completedAt,
  };
}

export const summaryOf = (db: Database, jobId: string): UploadJobSummary => summarizeJob(listUploadJobs(db, { jobId })[0]!);
