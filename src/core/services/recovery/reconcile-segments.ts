import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import { AppError } from '../../errors/app-error';
import { sha256Hex } from '../../platform/sha256';
import { deleteSegment, forgetChunksBeyond, lastChunkWithin, listSegments, type ChunkRow } from '../catalog/queries/chunks';

export interface Reconciliation {
  /** Bytes cut from the end of segment files: a chunk torn by the crash, never acknowledged. */
  truncatedBytes: number;
  /** Chunk rows whose bytes were not (intact) on disk. */
  forgottenChunks: number;
  /** Segments with no whole chunk left, removed. */
  removedSegments: number;
  /** Media the remaining chunks cover: the recorder's time at the end of each segment's last chunk (or, for chunks
   * stored without it, the segment's start to that chunk's arrival). */
  estimatedDurationMs: number;
  lastChunkAt: string | null;
}

async function fileSize(file: string, chunkCount: number): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (chunkCount === 0) return 0;
    // Maybe a drive that is not mounted: nothing is changed, and the same call may succeed once it is back.
    throw new AppError('NOT_FOUND', `The recording's file ${file} is missing (is its drive connected?). Nothing was changed.`, {
      retryable: true,
      details: { file },
    });
  }
}

async function readRange(file: string, offset: number, size: number): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const bytes = new Uint8Array(size);
    const { bytesRead } = await handle.read(bytes, 0, size, offset);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function truncateDurably(file: string, length: number): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** The last chunk whose bytes are all in the file and match their hash. Reads only; changes nothing. */
async function lastIntactChunk(db: Database, recordingId: string, seq: number, file: string, size: number) {
  for (let within = size; ;) {
    const chunk = lastChunkWithin(db, recordingId, seq, within);
    if (!chunk || sha256Hex(await readRange(file, chunk.byteOffset, chunk.size)) === chunk.sha256) return chunk;
    within = chunk.byteOffset;
  }
}

/**
 * Makes a recording's segment files and its chunk rows agree after a crash: each file is cut back to the end of
 * its last whole, hash-verified chunk, then — in one transaction — rows for bytes that never reached the disk
 * are forgotten and segments left without a chunk are removed. Running it again finds nothing to do.
 */
export async function reconcileSegments(
  db: Database,
  recordingId: string,
  /** More catalog changes that must commit in the same transaction (the recording's new state). */
  alsoInTransaction?: (result: Reconciliation) => void,
): Promise<Reconciliation> {
  const result: Reconciliation = { truncatedBytes: 0, forgottenChunks: 0, removedSegments: 0, estimatedDurationMs: 0, lastChunkAt: null };
  const plan: Array<{ seq: number; file: string; keep: number; last: ChunkRow | undefined }> = [];
  for (const segment of listSegments(db, recordingId)) {
    const size = await fileSize(segment.filePath, segment.chunkCount);
    const last = await lastIntactChunk(db, recordingId, segment.seq, segment.filePath, size);
    const keep = last ? last.byteOffset + last.size : 0;
    if (size > keep) {
      await truncateDurably(segment.filePath, keep);
      result.truncatedBytes += size - keep;
    }
    plan.push({ seq: segment.seq, file: segment.filePath, keep, last });
    if (last) {
      result.estimatedDurationMs += last.mediaEndMs ?? Math.max(0, Date.parse(last.receivedAt) - Date.parse(segment.startedAt));
      if (!result.lastChunkAt || last.receivedAt > result.lastChunkAt) result.lastChunkAt = last.receivedAt;
    }
  }
  db.transaction(() => {
    for (const { seq, keep, last } of plan) {
      result.forgottenChunks += forgetChunksBeyond(db, recordingId, seq, keep);
      if (!last) deleteSegment(db, recordingId, seq);
    }
    alsoInTransaction?.({ ...result, removedSegments: plan.filter((p) => !p.last).length });
  })();
  for (const { file, last } of plan) {
    if (last) continue;
    await fs.rm(file, { force: true });
    result.removedSegments += 1;
  }
  return result;
}
