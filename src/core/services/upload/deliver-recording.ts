import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { deliveredAsRecorded, type RecordingDetail } from '../../../shared/domain/recording';
import type { UploadProgress } from '../../../shared/domain/upload';
import { AppError } from '../../errors/app-error';
import { getRecordingDetail } from '../catalog/queries/recordings';
import { findRecordingJob, getUploadJob, listUploadJobs, markRecordingUploaded, type UploadJob } from '../catalog/queries/uploads';
import { ensureFinalJobs, ensureManifestJob, ensureStreamJobs } from './recording-objects';
import type { UploadContext } from './upload-context';

/** A finalized recording, or why it cannot be uploaded yet. */
function recordingToDeliver(ctx: UploadContext, recordingId: string): RecordingDetail {
  const recording = getRecordingDetail(ctx.db, recordingId);
  if (!recording) throw new AppError('NOT_FOUND', `No recording ${recordingId}.`, { details: { recordingId } });
  if (recording.state === 'uploaded' || recording.state === 'finalized') return recording;
  throw new AppError(
    'CONFLICT',
    `Recording ${recordingId} is ${recording.state}; it is uploaded once its video file is finished (irec merge ${recordingId}).`,
    { details: { recordingId, state: recording.state } },
  );
}

/**
 * The recording's objects: the recorded streams, and what is delivered (the finalized file, or the streams
 * themselves for a recording delivered as recorded, which has no file of its own).
 */
function objectsOf(
  ctx: UploadContext,
  recording: RecordingDetail,
): { streams: UploadJob[]; delivered: UploadJob[]; uploadFinalized: boolean } {
  const asRecorded = deliveredAsRecorded(recording);
  const uploadFinalized = ctx.target.settings.uploadFinalized && !asRecorded;
  const streams = uploadFinalized
    ? listUploadJobs(ctx.db, { recordingId: recording.id }).filter((job) => job.kind === 'stream' && job.state !== 'cancelled')
    : recording.segments
        .filter((segment) => !asRecorded || recording.outputs.some((output) => output.filePath === segment.filePath))
        .flatMap((segment) => ensureStreamJobs(ctx.db, ctx.target, recording, segment.seq, segment.bytes, ctx.stamp()));
  const delivered = uploadFinalized ? ensureFinalJobs(ctx.db, ctx.target, recording, ctx.stamp()) : streams;
  return { streams, delivered, uploadFinalized };
}

/** Uploads the delivered objects and the manifest, then marks the recording uploaded. */
export async function deliverRecording(ctx: UploadContext, recordingId: string): Promise<UploadProgress> {
  const recording = recordingToDeliver(ctx, recordingId);
  if (recording.state === 'uploaded') return ctx.publisher.progress(recordingId);
  const { streams, delivered, uploadFinalized } = objectsOf(ctx, recording);
  ctx.publisher.publish(recordingId, true);
  const streamRuns = Promise.allSettled(streams.map((job) => ctx.queue.run(job.id)));
  await Promise.all(delivered.map((job) => ctx.queue.run(job.id)));
  const manifest =
    findRecordingJob(ctx.db, recordingId, 'manifest') ??
    (await ensureManifestJob(ctx.db, ctx.target, {
      recording,
      delivered: delivered.map((job) => getUploadJob(ctx.db, job.id)!),
      appVersion: ctx.appVersion,
      now: ctx.stamp(),
    }));
  await ctx.queue.run(manifest.id);
  markRecordingUploaded(ctx.db, recordingId, ctx.stamp());
  if (uploadFinalized && !ctx.target.settings.keepRecordedStream) {
    await streamRuns;
    await deleteStreamObjects(ctx, recordingId);
  }
  const done = ctx.publisher.progress(recordingId);
  ctx.emit(done);
  ctx.logger.info('Recording uploaded', { recordingId, bucket: ctx.target.bucket, key: done.key });
  ctx.onUploaded?.(recordingId, done);
  return done;
}

/** The finalized file is verified in the bucket: the recorded-stream copies are no longer needed there. */
async function deleteStreamObjects(ctx: UploadContext, recordingId: string): Promise<void> {
  const { target } = ctx;
  const copies = listUploadJobs(ctx.db, { recordingId }).filter((job) => job.kind === 'stream' && job.state === 'done');
  for (const job of copies) {
    await target.client
      .send(new DeleteObjectCommand({ Bucket: target.bucket, Key: job.objectKey }))
      .catch((error: unknown) =>
        ctx.logger.warn('Could not delete the recorded-stream copy', { key: job.objectKey, error: (error as Error).message }),
      );
  }
}
