import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors/app-error';
import { findFileJob, getUploadJob, insertUploadJob, resetPartAttempts, updateUploadJob, type UploadJob } from '../catalog/queries/uploads';
import { partSizeFor } from './part-plan';
import type { UploadJobSummary } from '../../../shared/domain/upload';
import { configured, type UploadContext, type UploadServiceState } from './upload-context';
import { summaryOf } from './upload-summary';

/**
 * The job that uploads `file` to `objectKey`: the earlier one when it can resume (a failed one is queued again),
 * a new one when there is none or the file changed since.
 */
export async function fileJobFor(ctx: UploadContext, file: string, key?: string): Promise<UploadJob> {
  const { db, target } = ctx;
  const source = path.resolve(file);
  const stat = await fs.stat(source).catch(() => null);
  if (!stat?.isFile()) throw new AppError('NOT_FOUND', `${source} is not a file.`, { details: { file: source } });
  const objectKey = key ?? `${target.settings.prefix}files/${ctx.stamp().slice(0, 10)}/${path.basename(source)}`;
  let job = findFileJob(db, source, target.bucket, objectKey);
  if (job && job.state !== 'done' && job.size !== stat.size) {
    await ctx.queue.cancel(job.id); // the file changed since that upload began: its parts are stale
    job = undefined;
  }
  if (job?.state === 'failed') {
    updateUploadJob(db, job.id, { state: 'queued', lastError: null }, ctx.stamp());
    resetPartAttempts(db, job.id);
  }
  if (job && !(job.state === 'done' && job.size !== stat.size)) return job;
  const id = randomUUID();
  insertUploadJob(db, {
    id,
    kind: 'file',
    sourcePath: source,
    bucket: target.bucket,
    objectKey,
    contentType: 'application/octet-stream',
    partSize: partSizeFor(stat.size, target.settings.partSizeMb * 1024 * 1024),
    size: stat.size,
    createdAt: ctx.stamp(),
  });
  return getUploadJob(db, id)!;
}

/** Any file through the same resumable queue; running it again resumes the same upload. */
export async function uploadFile(
  state: UploadServiceState,
  request: { file: string; key?: string; onProgress?: (job: UploadJobSummary) => void },
): Promise<UploadJobSummary> {
  const uploads = configured(state);
  const job = await fileJobFor(uploads, request.file, request.key);
  if (request.onProgress) state.fileListeners.set(job.id, request.onProgress);
  try {
    await uploads.queue.run(job.id);
  } finally {
    state.fileListeners.delete(job.id);
  }
  return summaryOf(state.db, job.id);
}
