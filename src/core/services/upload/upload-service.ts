import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { deliveredAsRecorded } from '../../../shared/domain/recording';
import type { UploadJobSummary, UploadProgress } from '../../../shared/domain/upload';
import { IpcError } from '../../../shared/ipc/errors';
import { segmentExtent } from '../catalog/queries/chunks';
import { getRecordingDetail, getRecordingOwner } from '../catalog/queries/recordings';
import {
  countUploadJobs,
  findFileJob,
  findRecordingJob,
  getUploadJob,
  insertUploadJob,
  listUploadJobs,
  markRecordingUploaded,
  openUploadJobs,
  recordingsToUpload,
  resetPartAttempts,
  updateUploadJob,
  type UploadJob,
  type UploadJobWithParts,
} from '../catalog/queries/uploads';
import type { Logger } from '../logging/logger';
import { partSizeFor } from './part-plan';
import { ensureFinalJobs, ensureManifestJob, ensureStreamJobs, pieceBytes, STREAM_PIECE_BYTES } from './recording-objects';
import type { UploadFailure } from './s3-errors';
import type { S3TargetState } from './s3-target';
import { recordingProgress } from './upload-progress';
import { createRateMeter } from './upload-rate';
import { createUploadQueue } from './upload-queue';

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

const PUBLISH_INTERVAL_MS = 250;

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

/**
 * Uploads recordings and files to S3 through the persistent queue: the recorded stream while recording
 * (`s3.progressive`), the finalized file and a manifest after finalize, any file on request. Publishes
 * per-recording progress with speed and ETA, and marks a recording uploaded only once every object is verified.
 */
export function createUploadService(deps: UploadServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  const target = deps.target.ok ? deps.target.target : null;
  const notConfigured = deps.target.ok ? '' : deps.target.reason;
  const meters = new Map<string, ReturnType<typeof createRateMeter>>();
  const notes = new Map<string, UploadFailure | undefined>();
  const lastPublished = new Map<string, number>();
  const pipelines = new Map<string, Promise<UploadProgress>>();
  /** Pieces of each recording segment's stream already handed to the queue. */
  const streamPieces = new Map<string, number>();
  const fileListeners = new Map<string, (job: UploadJobSummary) => void>();
  /** Recordings whose upload the person cancelled: the recorded stream stops following them until a retry. */
  const cancelled = new Set<string>();
  const summaryOf = (jobId: string) => summarizeJob(listUploadJobs(deps.db, { jobId })[0]!);

  const queue = target
    ? createUploadQueue({
        db: deps.db,
        target,
        now: deps.now,
        maxAttempts: deps.maxAttempts,
        onJobChange: (job, note) => {
          if (!job.recordingId) return fileListeners.get(job.id)?.(summaryOf(job.id));
          notes.set(job.recordingId, note);
          publish(job.recordingId, job.state !== 'uploading');
        },
      })
    : null;

  const configuredTarget = () => {
    if (!target || !queue) throw new IpcError({ code: 'UNAVAILABLE', message: notConfigured });
    return { target, queue };
  };

  function progress(recordingId: string): UploadProgress {
    if (!target)
      return {
        recordingId,
        state: 'not-configured',
        bytesSent: 0,
        bytesTotal: 0,
        bytesPerSecond: null,
        etaSeconds: null,
        message: notConfigured,
      };
    const durable = (job: UploadJob) => pieceBytes(segmentExtent(deps.db, recordingId, job.segmentSeq ?? 0)?.bytes ?? 0, job.piece);
    const views = listUploadJobs(deps.db, { recordingId })
      .filter((job) => job.state !== 'cancelled')
      .map((job) => ({ job, size: job.size ?? durable(job), running: queue!.isRunning(job.id) }));
    const meter = meters.get(recordingId) ?? createRateMeter();
    meters.set(recordingId, meter);
    return recordingProgress({
      recordingId,
      bucket: target.bucket,
      views,
      recordingUploaded: getRecordingOwner(deps.db, recordingId)?.state === 'uploaded',
      note: notes.get(recordingId),
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

  /** Uploads the delivered objects and the manifest, then marks the recording uploaded. */
  async function deliver(recordingId: string): Promise<UploadProgress> {
    const { target, queue } = configuredTarget();
    const recording = getRecordingDetail(deps.db, recordingId);
    if (!recording) throw new IpcError({ code: 'NOT_FOUND', message: `No recording ${recordingId}.` });
    if (recording.state === 'uploaded') return progress(recordingId);
    if (recording.state !== 'finalized') {
      throw new IpcError({
        code: 'CONFLICT',
        message: `Recording ${recordingId} is ${recording.state}; it is uploaded once its video file is finished (irec merge ${recordingId}).`,
      });
    }
    const { keepRecordedStream } = target.settings;
    // A recording delivered as recorded has no file of its own: its segment streams are the delivered objects.
    const asRecorded = deliveredAsRecorded(recording);
    const uploadFinalized = target.settings.uploadFinalized && !asRecorded;
    const streams = uploadFinalized
      ? listUploadJobs(deps.db, { recordingId }).filter((job) => job.kind === 'stream' && job.state !== 'cancelled')
      : recording.segments
          .filter((segment) => !asRecorded || recording.outputs.some((output) => output.filePath === segment.filePath))
          .flatMap((segment) => ensureStreamJobs(deps.db, target, recording, segment.seq, segment.bytes, stamp()));
    const delivered = uploadFinalized ? ensureFinalJobs(deps.db, target, recording, stamp()) : streams;
    publish(recordingId, true);
    const streamRuns = Promise.allSettled(streams.map((job) => queue.run(job.id)));
    await Promise.all(delivered.map((job) => queue.run(job.id)));
    const manifest =
      findRecordingJob(deps.db, recordingId, 'manifest') ??
      (await ensureManifestJob(deps.db, target, {
        recording,
        delivered: delivered.map((job) => getUploadJob(deps.db, job.id)!),
        appVersion: deps.appVersion,
        now: stamp(),
      }));
    await queue.run(manifest.id);
    markRecordingUploaded(deps.db, recordingId, stamp());
    if (uploadFinalized && !keepRecordedStream) {
      await streamRuns;
      await deleteStreamObjects(recordingId);
    }
    const done = progress(recordingId);
    deps.emit(done);
    deps.logger.info('Recording uploaded', { recordingId, bucket: target.bucket, key: done.key });
    deps.onUploaded?.(recordingId, done);
    return done;
  }

  /** The finalized file is verified in the bucket: the recorded-stream copies are no longer needed there. */
  async function deleteStreamObjects(recordingId: string): Promise<void> {
    const { target } = configuredTarget();
    for (const job of listUploadJobs(deps.db, { recordingId }).filter(
      (candidate) => candidate.kind === 'stream' && candidate.state === 'done',
    )) {
      await target.client
        .send(new DeleteObjectCommand({ Bucket: target.bucket, Key: job.objectKey }))
        .catch((error: unknown) =>
          deps.logger.warn('Could not delete the recorded-stream copy', { key: job.objectKey, error: (error as Error).message }),
        );
    }
  }

  /** Uploads a finalized recording; asking again while it runs joins the same upload. */
  function uploadRecording(recordingId: string): Promise<UploadProgress> {
    const running = pipelines.get(recordingId);
    if (running) return running;
    const pipeline = deliver(recordingId).finally(() => pipelines.delete(recordingId));
    pipelines.set(recordingId, pipeline);
    pipeline.catch(() => publish(recordingId, true));
    return pipeline;
  }

  const runLogged = (jobId: string) =>
    configuredTarget()
      .queue.run(jobId)
      .catch((error: unknown) => deps.logger.warn('Upload stopped', { jobId, error: (error as Error).message }));

  return {
    configured: Boolean(target),
    /** Why uploads are off, when they are. */
    notConfiguredReason: notConfigured,
    progress,

    /** Recording: more of a segment is durable (or it ended); its stream upload follows, piece by piece. */
    streamGrew(recordingId: string, seq: number): void {
      if (!target?.settings.progressive || !target.settings.autoUpload || cancelled.has(recordingId)) return;
      const durable = segmentExtent(deps.db, recordingId, seq)?.bytes ?? 0;
      const key = `${recordingId}/${seq}`;
      const pieces = Math.max(1, Math.ceil(durable / STREAM_PIECE_BYTES));
      if ((streamPieces.get(key) ?? 0) < pieces) {
        const recording = getRecordingDetail(deps.db, recordingId);
        if (!recording) return;
        for (const job of ensureStreamJobs(deps.db, target, recording, seq, durable, stamp())) {
          if (job.state !== 'done' && !queue!.isRunning(job.id)) void runLogged(job.id);
        }
        streamPieces.set(key, pieces);
      }
      queue!.sourceGrew();
      publish(recordingId);
    },

    uploadRecording,

    /** Any file through the same resumable queue; running it again resumes the same upload. */
    async uploadFile(file: string, key?: string, onProgress?: (job: UploadJobSummary) => void): Promise<UploadJobSummary> {
      const { target, queue } = configuredTarget();
      const source = path.resolve(file);
      const stat = await fs.stat(source).catch(() => null);
      if (!stat?.isFile()) throw new IpcError({ code: 'NOT_FOUND', message: `${source} is not a file.` });
      const objectKey = key ?? `${target.settings.prefix}files/${stamp().slice(0, 10)}/${path.basename(source)}`;
      let job = findFileJob(deps.db, source, target.bucket, objectKey);
      if (job && job.state !== 'done' && job.size !== stat.size) {
        await queue.cancel(job.id); // the file changed since that upload began: its parts are stale
        job = undefined;
      }
      if (job?.state === 'failed') {
        updateUploadJob(deps.db, job.id, { state: 'queued', lastError: null }, stamp());
        resetPartAttempts(deps.db, job.id);
      }
      if (!job || (job.state === 'done' && job.size !== stat.size)) {
        const id = randomUUID();
        insertUploadJob(deps.db, {
          id,
          kind: 'file',
          sourcePath: source,
          bucket: target.bucket,
          objectKey,
          contentType: 'application/octet-stream',
          partSize: partSizeFor(stat.size, target.settings.partSizeMb * 1024 * 1024),
          size: stat.size,
          createdAt: stamp(),
        });
        job = getUploadJob(deps.db, id)!;
      }
      if (onProgress) fileListeners.set(job.id, onProgress);
      try {
        await queue.run(job.id);
      } finally {
        fileListeners.delete(job.id);
      }
      return summaryOf(job.id);
    },

    /**
     * Resumes every unfinished job (recorded streams only once their segment has ended) and uploads every
     * finalized recording not yet uploaded. Resolves when all have finished or failed.
     */
    async resumePending(): Promise<{ recordings: UploadProgress[]; files: UploadJobSummary[]; failures: string[] }> {
      configuredTarget();
      const failures: string[] = [];
      const open = openUploadJobs(deps.db).filter(
        (job) => job.kind === 'file' || (job.kind === 'stream' && segmentExtent(deps.db, job.recordingId!, job.segmentSeq!)?.ended),
      );
      const fileRuns = open.filter((job) => job.kind === 'file').map((job) => configuredTarget().queue.run(job.id));
      const streamRuns = open.filter((job) => job.kind === 'stream').map((job) => runLogged(job.id));
      const recordings: UploadProgress[] = [];
      for (const id of recordingsToUpload(deps.db)) {
        try {
          recordings.push(await uploadRecording(id));
        } catch (error) {
          failures.push(`${id}: ${(error as Error).message}`);
          recordings.push(progress(id));
        }
      }
      const files = await Promise.allSettled(fileRuns);
      await Promise.all(streamRuns);
      for (const result of files) if (result.status === 'rejected') failures.push((result.reason as Error).message);
      const fileIds = new Set(open.filter((job) => job.kind === 'file').map((job) => job.id));
      return {
        recordings,
        files: [...fileIds].map(summaryOf),
        failures,
      };
    },

    /** A failed upload goes again, resuming the parts already confirmed. */
    retry(recordingId: string): Promise<UploadProgress> {
      for (const job of listUploadJobs(deps.db, { recordingId }).filter((candidate) => candidate.state === 'failed')) {
        updateUploadJob(deps.db, job.id, { state: 'queued', lastError: null, attempts: 0 }, stamp());
        resetPartAttempts(deps.db, job.id);
      }
      cancelled.delete(recordingId);
      return uploadRecording(recordingId);
    },

    async cancel(recordingId: string): Promise<UploadProgress> {
      const { queue } = configuredTarget();
      cancelled.add(recordingId);
      for (const job of listUploadJobs(deps.db, { recordingId }).filter((candidate) => candidate.state !== 'done'))
        await queue.cancel(job.id);
      publish(recordingId, true);
      return progress(recordingId);
    },

    jobs: (limit = 100): UploadJobSummary[] => listUploadJobs(deps.db, { limit }).map(summarizeJob),
    counts: () => countUploadJobs(deps.db),
    close: async () => queue?.close(),
  };
}

export type UploadService = ReturnType<typeof createUploadService>;
