import type { Database } from 'better-sqlite3';

export interface NewSegment {
  recordingId: string;
  seq: number;
  filePath: string;
  mimeType: string;
  startedAt: string;
}

export function insertSegment(db: Database, segment: NewSegment): void {
  db.prepare(
    `INSERT INTO segments (recording_id, seq, file_path, mime_type, started_at)
     VALUES (@recordingId, @seq, @filePath, @mimeType, @startedAt)`,
  ).run(segment);
}

export function endSegment(db: Database, recordingId: string, seq: number, endedAt: string): void {
  db.prepare('UPDATE segments SET ended_at = ? WHERE recording_id = ? AND seq = ?').run(endedAt, recordingId, seq);
}

export interface NewChunk {
  recordingId: string;
  segmentSeq: number;
  idx: number;
  byteOffset: number;
  size: number;
  sha256: string;
  receivedAt: string;
  mediaEndMs?: number | null;
}

export function insertChunk(db: Database, chunk: NewChunk): void {
  db.prepare(
    `INSERT INTO chunks (recording_id, segment_seq, idx, byte_offset, size, sha256, received_at, media_end_ms)
     VALUES (@recordingId, @segmentSeq, @idx, @byteOffset, @size, @sha256, @receivedAt, @mediaEndMs)`,
  ).run({ mediaEndMs: null, ...chunk });
}

export interface ChunkRow {
  idx: number;
  byteOffset: number;
  size: number;
  sha256: string;
  receivedAt: string;
  mediaEndMs: number | null;
}

export interface SegmentRow {
  seq: number;
  filePath: string;
  mimeType: string;
  startedAt: string;
  endedAt: string | null;
  chunkCount: number;
  /** Bytes the catalog vouches for: the end of the last chunk. */
  bytes: number;
  lastChunk: ChunkRow | null;
}

export function listSegments(db: Database, recordingId: string): SegmentRow[] {
  const segments = db
    .prepare(
      `SELECT s.seq, s.file_path AS filePath, s.mime_type AS mimeType, s.started_at AS startedAt, s.ended_at AS endedAt,
              COUNT(c.idx) AS chunkCount, COALESCE(MAX(c.byte_offset + c.size), 0) AS bytes
         FROM segments s LEFT JOIN chunks c ON c.recording_id = s.recording_id AND c.segment_seq = s.seq
        WHERE s.recording_id = ?
        GROUP BY s.seq ORDER BY s.seq`,
    )
    .all(recordingId) as Array<Omit<SegmentRow, 'lastChunk'>>;
  const last = db.prepare(
    `SELECT idx, byte_offset AS byteOffset, size, sha256, received_at AS receivedAt, media_end_ms AS mediaEndMs
       FROM chunks WHERE recording_id = ? AND segment_seq = ? ORDER BY idx DESC LIMIT 1`,
  );
  return segments.map((segment) => ({ ...segment, lastChunk: (last.get(recordingId, segment.seq) as ChunkRow | undefined) ?? null }));
}

/** The last chunk of a segment that ends within its first `length` bytes. */
export function lastChunkWithin(db: Database, recordingId: string, seq: number, length: number): ChunkRow | undefined {
  return db
    .prepare(
      `SELECT idx, byte_offset AS byteOffset, size, sha256, received_at AS receivedAt, media_end_ms AS mediaEndMs
         FROM chunks WHERE recording_id = ? AND segment_seq = ? AND byte_offset + size <= ? ORDER BY idx DESC LIMIT 1`,
    )
    .get(recordingId, seq, length) as ChunkRow | undefined;
}

/** Forgets chunks that end beyond `length` bytes of the segment file (they are not on disk). */
export function forgetChunksBeyond(db: Database, recordingId: string, seq: number, length: number): number {
  return db
    .prepare('DELETE FROM chunks WHERE recording_id = ? AND segment_seq = ? AND byte_offset + size > ?')
    .run(recordingId, seq, length).changes;
}

export function deleteSegment(db: Database, recordingId: string, seq: number): void {
  db.prepare('DELETE FROM segments WHERE recording_id = ? AND seq = ?').run(recordingId, seq);
}

/** The bytes of a segment the catalog vouches for (acknowledged chunks) and whether the segment has ended. */
export function segmentExtent(db: Database, recordingId: string, seq: number): { bytes: number; ended: boolean } | undefined {
  const row = db
    .prepare(
      `SELECT s.ended_at IS NOT NULL AS ended,
              (SELECT COALESCE(MAX(byte_offset + size), 0) FROM chunks c WHERE c.recording_id = s.recording_id AND c.segment_seq = s.seq) AS bytes
         FROM segments s WHERE s.recording_id = ? AND s.seq = ?`,
    )
    .get(recordingId, seq) as { bytes: number; ended: number } | undefined;
  return row && { bytes: row.bytes, ended: row.ended === 1 };
}
