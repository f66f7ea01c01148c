import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RecordingDetail } from '../../../shared/domain/recording';
import { replaceFileDurablySync } from '../../platform/durable-fs';
import { digestOfFile } from '../../platform/sha256';
import { findRecordingJob, getUploadJob, insertUploadJob, type UploadJob, type UploadKind } from '../catalog/queries/uploads';
import { buildManifest, type ManifestObject } from './manifest';
import { manifestKey, renderObjectKey, streamKey } from './object-keys';
import { MIN_PART_SIZE, partSizeFor } from './part-plan';
import type { S3Target } from './s3-target';

const extensionOf = (file: string) => path.extname(file).slice(1) || 'bin';
const contentTypeOf = (ext: string) =>
  ({ mp4: 'video/mp4', webm: 'video/webm', json: 'application/json' })[ext] ?? 'application/octet-stream';

/** The key of the recording's finalized file (its first output; later outputs get `-1`, `-2` …). */
export function recordingKey(
  target: S3Target,
  recording: Pick<RecordingDetail, 'startedAt' | 'interviewId' | 'id'>,
  ext: string,
  seq = 0,
): string {
  const key = renderObjectKey(target.settings.keyTemplate, {
    prefix: target.settings.prefix,
    startedAt: recording.startedAt,
    interviewId: recording.interviewId,
    recordingId: recording.id,
    ext,
  });
  return seq === 0 ? key : key.replace(/(\.[^./]*)?$/, (ext) => `-${seq}${ext}`);
}

/**
 * A recorded stream goes up in pieces of 20 parts (100 MiB, about five minutes at the default bitrate), each an
 * object of its own once full: a computer that never comes back still leaves all but the last minutes as finished
 * objects (an unfinished multipart upload is invisible and eventually reaped), and at stop only the last piece
 * is left to complete. Concatenated in order, the pieces are the segment file.
 */
export const STREAM_PIECE_BYTES = 20 * MIN_PART_SIZE;

/** How much of a segment's durable bytes a piece holds so far. */
export const pieceBytes = (durableBytes: number, piece: number) =>
  Math.min(Math.max(durableBytes - piece * STREAM_PIECE_BYTES, 0), STREAM_PIECE_BYTES);

/** Finds or creates the job for one object of a recording, so that asking twice never uploads twice. */
function ensureJob(
  db: Database,
  target: S3Target,
  input: {
    recordingId: string;
    kind: UploadKind;
    segmentSeq?: number;
    piece?: number;
    sourcePath: string;
    objectKey: string;
    size: number | null;
    now: string;
  },
): UploadJob {
  const piece = input.piece ?? 0;
  const existing = findRecordingJob(db, input.recordingId, input.kind, input.segmentSeq ?? null, piece);
  if (existing && existing.objectKey === input.objectKey) return existing;
  const id = randomUUID();
  const ext = extensionOf(input.objectKey);
  insertUploadJob(db, {
    id,
    recordingId: input.recordingId,
    kind: input.kind,
    segmentSeq: input.segmentSeq ?? null,
    piece,
    sourcePath: input.sourcePath,
    sourceOffset: input.kind === 'stream' ? piece * STREAM_PIECE_BYTES : 0,
    bucket: target.bucket,
    objectKey: input.objectKey,
    contentType: contentTypeOf(ext),
    // A growing stream is cut at S3's minimum so that at stop at most 5 MiB remain to send.
    partSize: input.size === null ? MIN_PART_SIZE : partSizeFor(input.size, target.settings.partSizeMb * 1024 * 1024),
    size: input.size,
    createdAt: input.now,
  });
  return getUploadJob(db, id)!;
}

/** The jobs that upload a recorded segment, piece by piece, as far as `durableBytes` reach (at least one). */
export function ensureStreamJobs(
  db: Database,
  target: S3Target,
  recording: RecordingDetail,
  seq: number,
  durableBytes: number,
  now: string,
): UploadJob[] {
  const segment = recording.segments.find((candidate) => candidate.seq === seq);
  if (!segment) return [];
  const ext = extensionOf(segment.filePath);
  const finalKey = recordingKey(target, recording, ext);
  const pieces = Math.max(1, Math.ceil(durableBytes / STREAM_PIECE_BYTES));
  return Array.from({ length: pieces }, (_, piece) =>
    ensureJob(db, target, {
      recordingId: recording.id,
      kind: 'stream',
      segmentSeq: seq,
      piece,
      sourcePath: segment.filePath,
      objectKey: streamKey(finalKey, seq, piece, ext),
      size: null,
      now,
    }),
  );
}

/** Jobs for the finalized output files. */
export function ensureFinalJobs(db: Database, target: S3Target, recording: RecordingDetail, now: string): UploadJob[] {
  return recording.outputs.map((output) =>
    ensureJob(db, target, {
      recordingId: recording.id,
      kind: 'final',
      segmentSeq: output.seq,
      sourcePath: output.filePath,
      objectKey: recordingKey(target, recording, extensionOf(output.filePath), output.seq),
      size: output.size,
      now,
    }),
  );
}

/** Writes the manifest next to the recording (durably) and returns the job that uploads it. */
export async function ensureManifestJob(
  db: Database,
  target: S3Target,
  input: { recording: RecordingDetail; delivered: UploadJob[]; appVersion: string; now: string },
): Promise<UploadJob> {
  const { recording } = input;
  const objects: ManifestObject[] = await Promise.all(
    input.delivered.map(async (job) => {
      const output = job.kind === 'final' ? recording.outputs.find((candidate) => candidate.filePath === job.sourcePath) : undefined;
      const whole = job.kind !== 'stream';
      return {
        role: whole ? 'recording' : 'recorded-stream',
        key: job.objectKey,
        size: job.size ?? 0,
        sha256: output?.sha256 ?? (await digestOfFile(job.sourcePath, 'sha256', { offset: job.sourceOffset, size: job.size ?? 0 })),
        container: extensionOf(job.sourcePath),
        durationMs: output?.durationMs ?? null,
        ...(whole ? {} : { segment: job.segmentSeq!, piece: job.piece, offset: job.sourceOffset }),
      } satisfies ManifestObject;
    }),
  );
  const manifest = buildManifest(db, { recording, bucket: target.bucket, objects, appVersion: input.appVersion, createdAt: input.now });
  const file = path.join(path.dirname(recording.segments[0]?.filePath ?? recording.filePath!), `${recording.id}.manifest.json`);
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  replaceFileDurablySync(file, text);
  const mainKey = input.delivered[0]?.objectKey ?? recordingKey(target, recording, 'json');
  return ensureJob(db, target, {
    recordingId: recording.id,
    kind: 'manifest',
    sourcePath: file,
    objectKey: manifestKey(mainKey),
    size: (await fs.stat(file)).size,
    now: input.now,
  });
}
