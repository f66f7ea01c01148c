import type { UploadProgress } from '../../../shared/domain/upload';
import type { UploadJobWithParts } from '../catalog/queries/uploads';
import type { UploadFailure } from './s3-errors';

/** One job as the progress of its recording sees it. */
export interface JobView {
  job: UploadJobWithParts;
  /** Bytes the job will send when known, else what may be sent so far (a growing stream). */
  size: number;
  running: boolean;
}

/** Which single word describes a recording's upload: uploaded > failed > offline/retrying > streaming > uploading > waiting. */
function stateOf(views: JobView[], recordingUploaded: boolean, note: UploadFailure | undefined): UploadProgress['state'] {
  if (recordingUploaded) return 'uploaded';
  if (views.some(({ job }) => job.state === 'failed')) return 'failed';
  const running = views.filter((view) => view.running);
  if (running.length === 0) return 'waiting';
  if (note) return note.kind === 'offline' ? 'offline' : 'retrying';
  return running.some(({ job }) => job.kind === 'stream' && job.size === null) ? 'streaming' : 'uploading';
}

const lastCompleted = (views: JobView[]): string | undefined =>
  views
    .map(({ job }) => job.completedAt ?? '')
    .sort()
    .at(-1) || undefined;

/** A recording's upload over all its objects, with speed (from the caller's meter) and ETA. */
export function recordingProgress(input: {
  recordingId: string;
  bucket: string;
  views: JobView[];
  recordingUploaded: boolean;
  note: UploadFailure | undefined;
  bytesPerSecond(bytesSent: number): number | null;
}): UploadProgress {
  const { views } = input;
  const bytesSent = views.reduce((sum, { job }) => sum + job.bytesConfirmed, 0);
  const bytesTotal = views.reduce((sum, { job, size }) => sum + Math.max(size, job.bytesConfirmed), 0);
  const rate = input.bytesPerSecond(bytesSent);
  const state = stateOf(views, input.recordingUploaded, input.note);
  const main = views.find(({ job }) => job.kind === 'final')?.job ?? views.find(({ job }) => job.kind === 'stream')?.job;
  const failed = views.find(({ job }) => job.state === 'failed')?.job;
  return {
    recordingId: input.recordingId,
    state,
    bytesSent,
    bytesTotal,
    bytesPerSecond: rate,
    etaSeconds: rate && state === 'uploading' ? Math.round((bytesTotal - bytesSent) / Math.max(rate, 1)) : null,
    bucket: input.bucket,
    key: main?.objectKey,
    keySize: main?.size ?? undefined,
    verifiedAt: state === 'uploaded' ? lastCompleted(views) : undefined,
    message: failed?.lastError ?? (state === 'offline' || state === 'retrying' ? input.note?.message : undefined),
  };
}
