import type { Database } from 'better-sqlite3';

export const uploadKinds = ['stream', 'final', 'manifest', 'file'] as const;
export type UploadKind = (typeof uploadKinds)[number];
export type UploadJobState = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadJob {
  id: string;
  recordingId: string | null;
  kind: UploadKind;
  segmentSeq: number | null;
  /** Stream jobs: which piece of the segment. */
  piece: number;
  sourcePath: string;
  /** The object holds the source's bytes from this offset on. */
  sourceOffset: number;
  bucket: string;
  objectKey: string;
  contentType: string;
  partSize: number;
  /** Null while the source still grows (a recorded stream). */
  size: number | null;
  uploadId: string | null;
  state: UploadJobState;
  attempts: number;
  lastError: string | null;
  etag: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface UploadPart {
  partNumber: number;
  offset: number;
  size: number;
  /** Known once the part was first read for sending. */
  md5: string | null;
  etag: string | null;
  state: 'pending' | 'confirmed';
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

const JOB_COLUMNS = `id, recording_id AS recordingId, kind, segment_seq AS segmentSeq, piece, source_path AS sourcePath,
  source_offset AS sourceOffset, bucket,
  object_key AS objectKey, content_type AS contentType, part_size AS partSize, size, upload_id AS uploadId, state,
  attempts, last_error AS lastError, etag, created_at AS createdAt, updated_at AS updatedAt, completed_at AS completedAt`;
const PART_COLUMNS = `part_number AS partNumber, byte_offset AS offset, size, md5, etag, state, attempts,
  next_attempt_at AS nextAttemptAt, last_error AS lastError`;

export type NewUploadJob = Pick<UploadJob, 'id' | 'kind' | 'sourcePath' | 'bucket' | 'objectKey' | 'contentType' | 'partSize'> &
  Partial<Pick<UploadJob, 'recordingId' | 'segmentSeq' | 'piece' | 'sourceOffset' | 'size'>> & { createdAt: string };

export function insertUploadJob(db: Database, job: NewUploadJob): void {
  db.prepare(
    `INSERT INTO upload_jobs (id, recording_id, kind, segment_seq, piece, source_path, source_offset, bucket, object_key, content_type,
                              part_size, size, state, created_at, updated_at)
     VALUES (@id, @recordingId, @kind, @segmentSeq, @piece, @sourcePath, @sourceOffset, @bucket, @objectKey, @contentType,
             @partSize, @size, 'queued', @createdAt, @createdAt)`,
  ).run({ recordingId: null, segmentSeq: null, piece: 0, sourceOffset: 0, size: null, ...job });
}

export function getUploadJob(db: Database, id: string): UploadJob | undefined {
  return db.prepare(`SELECT ${JOB_COLUMNS} FROM upload_jobs WHERE id = ?`).get(id) as UploadJob | undefined;
}

/** Jobs still to do, oldest first. */
export function openUploadJobs(db: Database): UploadJob[] {
  return db
    .prepare(`SELECT ${JOB_COLUMNS} FROM upload_jobs WHERE state IN ('queued', 'uploading') ORDER BY created_at, rowid`)
    .all() as UploadJob[];
}

export interface UploadJobWithParts extends UploadJob {
  bytesConfirmed: number;
  partsConfirmed: number;
  partsPlanned: number;
}

/** Jobs newest first with how far each got; one recording's (or one job) when asked. */
export function listUploadJobs(db: Database, filter: { recordingId?: string; jobId?: string; limit?: number } = {}): UploadJobWithParts[] {
  const where =
    filter.jobId !== undefined ? 'WHERE id = @jobId' : filter.recordingId !== undefined ? 'WHERE recording_id = @recordingId' : '';
  return db
    .prepare(
      `SELECT ${JOB_COLUMNS},
              (SELECT COALESCE(SUM(size), 0) FROM upload_parts p WHERE p.job_id = j.id AND p.state = 'confirmed') AS bytesConfirmed,
              (SELECT COUNT(*) FROM upload_parts p WHERE p.job_id = j.id AND p.state = 'confirmed') AS partsConfirmed,
              (SELECT COUNT(*) FROM upload_parts p WHERE p.job_id = j.id) AS partsPlanned
         FROM upload_jobs j ${where} ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
    )
    .all({ recordingId: filter.recordingId, jobId: filter.jobId, limit: filter.limit ?? -1 }) as UploadJobWithParts[];
}

/** The job uploading one object of a recording (latest first), if any. */
export function findRecordingJob(
  db: Database,
  recordingId: string,
  kind: UploadKind,
  segmentSeq: number | null = null,
  piece = 0,
): UploadJob | undefined {
  return db
    .prepare(
      `SELECT ${JOB_COLUMNS} FROM upload_jobs
        WHERE recording_id = ? AND kind = ? AND segment_seq IS ? AND piece = ? AND state != 'cancelled'
        ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(recordingId, kind, segmentSeq, piece) as UploadJob | undefined;
}

export function findFileJob(db: Database, sourcePath: string, bucket: string, objectKey: string): UploadJob | undefined {
  return db
    .prepare(
      `SELECT ${JOB_COLUMNS} FROM upload_jobs
        WHERE kind = 'file' AND source_path = ? AND bucket = ? AND object_key = ? AND state != 'cancelled'
        ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(sourcePath, bucket, objectKey) as UploadJob | undefined;
}

export function updateUploadJob(
  db: Database,
  id: string,
  change: Partial<Pick<UploadJob, 'state' | 'uploadId' | 'size' | 'lastError' | 'etag' | 'completedAt' | 'attempts'>>,
  at: string,
): void {
  const columns: Record<keyof typeof change, string> = {
    state: 'state',
    uploadId: 'upload_id',
    size: 'size',
    lastError: 'last_error',
    etag: 'etag',
    completedAt: 'completed_at',
    attempts: 'attempts',
  };
  const keys = Object.keys(change) as (keyof typeof change)[];
  // A server's words (last_error) are written through the catalog's redact() (open-catalog.ts).
  const sets = keys.map((key) => (key === 'lastError' ? `last_error = redact(@lastError)` : `${columns[key]} = @${key}`));
  db.prepare(`UPDATE upload_jobs SET ${[...sets, 'updated_at = @at'].join(', ')} WHERE id = @id`).run({ ...change, id, at });
}

/** A new multipart upload (first start, or the old one is gone): every part goes again. */
export function restartUploadJob(db: Database, id: string, uploadId: string | null, at: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM upload_parts WHERE job_id = ?').run(id);
    updateUploadJob(db, id, { uploadId, etag: null, lastError: null }, at);
  })();
}

export function listParts(db: Database, jobId: string): UploadPart[] {
  return db.prepare(`SELECT ${PART_COLUMNS} FROM upload_parts WHERE job_id = ? ORDER BY part_number`).all(jobId) as UploadPart[];
}

export function insertPart(db: Database, jobId: string, part: Pick<UploadPart, 'partNumber' | 'offset' | 'size'>): void {
  db.prepare(
    `INSERT INTO upload_parts (job_id, part_number, byte_offset, size, state) VALUES (@jobId, @partNumber, @offset, @size, 'pending')`,
  ).run({ jobId, ...part });
}

export function setPartMd5(db: Database, jobId: string, partNumber: number, md5: string): void {
  db.prepare('UPDATE upload_parts SET md5 = ? WHERE job_id = ? AND part_number = ?').run(md5, jobId, partNumber);
}

export function confirmPart(db: Database, jobId: string, partNumber: number, etag: string, at: string): void {
  db.prepare(
    `UPDATE upload_parts SET state = 'confirmed', etag = ?, confirmed_at = ?, last_error = NULL, next_attempt_at = NULL
      WHERE job_id = ? AND part_number = ?`,
  ).run(etag, at, jobId, partNumber);
}

/** The server does not have this part after all (ListParts): it is pending again. */
export function unconfirmPart(db: Database, jobId: string, partNumber: number): void {
  db.prepare(`UPDATE upload_parts SET state = 'pending', etag = NULL, confirmed_at = NULL WHERE job_id = ? AND part_number = ?`).run(
    jobId,
    partNumber,
  );
}

/** A failed try of a part; `counts` is false for network failures, which never make the queue give up. */
export function failPartAttempt(
  db: Database,
  jobId: string,
  partNumber: number,
  error: string,
  nextAttemptAt: string,
  counts = true,
): void {
  db.prepare(
    `UPDATE upload_parts SET attempts = attempts + ?, last_error = redact(?), next_attempt_at = ? WHERE job_id = ? AND part_number = ?`,
  ).run(counts ? 1 : 0, error, nextAttemptAt, jobId, partNumber);
}

/** A person asked to try again: every part starts with a clean slate (confirmed parts stay confirmed). */
export function resetPartAttempts(db: Database, jobId: string): void {
  db.prepare('UPDATE upload_parts SET attempts = 0, next_attempt_at = NULL WHERE job_id = ?').run(jobId);
}

/** Finalized recordings whose upload has not been verified yet, oldest first. */
export function recordingsToUpload(db: Database): string[] {
  return (db.prepare(`SELECT id FROM recordings WHERE state = 'finalized' ORDER BY started_at`).all() as Array<{ id: string }>).map(
    (row) => row.id,
  );
}

export function markRecordingUploaded(db: Database, recordingId: string, at: string): void {
  db.prepare(`UPDATE recordings SET state = 'uploaded', uploaded_at = ? WHERE id = ? AND state = 'finalized'`).run(at, recordingId);
}

/** Uploaded (and verified) recordings whose local files are older than the retention period and still on disk. */
export function recordingsPastRetention(db: Database, uploadedBefore: string): string[] {
  return (
    db
      .prepare(`SELECT id FROM recordings WHERE state = 'uploaded' AND uploaded_at <= ? AND local_deleted_at IS NULL ORDER BY uploaded_at`)
      .all(uploadedBefore) as Array<{ id: string }>
  ).map((row) => row.id);
}

export function markLocalDeleted(db: Database, recordingId: string, at: string): void {
  db.prepare('UPDATE recordings SET local_deleted_at = ? WHERE id = ?').run(at, recordingId);
}

/** Jobs still to finish and jobs stopped by an error. */
export function countUploadJobs(db: Database): { open: number; failed: number } {
  return db
    .prepare(
      `SELECT COALESCE(SUM(state IN ('queued', 'uploading')), 0) AS open, COALESCE(SUM(state = 'failed'), 0) AS failed FROM upload_jobs`,
    )
    .get() as { open: number; failed: number };
}
