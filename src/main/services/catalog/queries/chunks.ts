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
}

export function insertChunk(db: Database, chunk: NewChunk): void {
  db.prepare(
    `INSERT INTO chunks (recording_id, segment_seq, idx, byte_offset, size, sha256, received_at)
     VALUES (@recordingId, @segmentSeq, @idx, @byteOffset, @size, @sha256, @receivedAt)`,
  ).run(chunk);
}
