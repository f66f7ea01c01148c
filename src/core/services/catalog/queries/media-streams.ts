import type { Database } from 'better-sqlite3';

/** One recorded segment fed to one Media Recording API session (table `media_streams`). */
export interface MediaStream {
  sessionId: string;
  recordingId: string;
  segmentSeq: number;
  initialized: boolean;
  finalizedAt: string | null;
}

/** A planned API chunk: a fixed byte range of the segment file under a fixed chunkIndex. */
export interface StreamChunk {
  chunkIndex: number;
  byteOffset: number;
  size: number;
  ackedAt: string | null;
}

const STREAM = `SELECT session_id AS sessionId, recording_id AS recordingId, segment_seq AS segmentSeq,
                       initialized, finalized_at AS finalizedAt FROM media_streams`;
type StreamRow = Omit<MediaStream, 'initialized'> & { initialized: number };
const toStream = (row: StreamRow | undefined): MediaStream | undefined => row && { ...row, initialized: row.initialized === 1 };

export function insertMediaStream(db: Database, stream: { sessionId: string; recordingId: string; segmentSeq: number }): void {
  db.prepare('INSERT INTO media_streams (session_id, recording_id, segment_seq) VALUES (@sessionId, @recordingId, @segmentSeq)').run(
    stream,
  );
}

export const getMediaStream = (db: Database, sessionId: string): MediaStream | undefined =>
  toStream(db.prepare(`${STREAM} WHERE session_id = ?`).get(sessionId) as StreamRow | undefined);

export const findMediaStream = (db: Database, recordingId: string, segmentSeq: number): MediaStream | undefined =>
  toStream(db.prepare(`${STREAM} WHERE recording_id = ? AND segment_seq = ?`).get(recordingId, segmentSeq) as StreamRow | undefined);

export function updateMediaStream(db: Database, sessionId: string, changes: { initialized?: boolean; finalizedAt?: string | null }): void {
  if (changes.initialized !== undefined)
    db.prepare('UPDATE media_streams SET initialized = ? WHERE session_id = ?').run(changes.initialized ? 1 : 0, sessionId);
  if (changes.finalizedAt !== undefined)
    db.prepare('UPDATE media_streams SET finalized_at = ? WHERE session_id = ?').run(changes.finalizedAt, sessionId);
}

export function listStreamChunks(db: Database, sessionId: string): StreamChunk[] {
  return db
    .prepare(
      `SELECT chunk_index AS chunkIndex, byte_offset AS byteOffset, size, acked_at AS ackedAt
         FROM media_stream_chunks WHERE session_id = ? ORDER BY chunk_index`,
    )
    .all(sessionId) as StreamChunk[];
}

/** Appends planned chunks after the last one, numbering them on. */
export function appendStreamChunks(db: Database, sessionId: string, ranges: ReadonlyArray<{ byteOffset: number; size: number }>): void {
  const { next } = db
    .prepare('SELECT COALESCE(MAX(chunk_index) + 1, 0) AS next FROM media_stream_chunks WHERE session_id = ?')
    .get(sessionId) as { next: number };
  const insert = db.prepare('INSERT INTO media_stream_chunks (session_id, chunk_index, byte_offset, size) VALUES (?, ?, ?, ?)');
  ranges.forEach((range, i) => insert.run(sessionId, next + i, range.byteOffset, range.size));
}

export function ackStreamChunk(db: Database, sessionId: string, chunkIndex: number, at: string): void {
  db.prepare('UPDATE media_stream_chunks SET acked_at = COALESCE(acked_at, ?) WHERE session_id = ? AND chunk_index = ?').run(
    at,
    sessionId,
    chunkIndex,
  );
}

/** The server's chunk status is the truth: exactly the chunks it holds count as acknowledged. */
export function syncStreamAcks(db: Database, sessionId: string, received: readonly number[], at: string): void {
  db.transaction(() => {
    db.prepare('UPDATE media_stream_chunks SET acked_at = NULL WHERE session_id = ?').run(sessionId);
    for (const index of received) ackStreamChunk(db, sessionId, index, at);
  })();
}

/** The recorder's chunks of a segment that end beyond `from` bytes, in order: what is durable but not planned. */
export function segmentChunksAfter(db: Database, recordingId: string, segmentSeq: number, from: number) {
  return db
    .prepare(
      `SELECT byte_offset AS byteOffset, size FROM chunks
        WHERE recording_id = ? AND segment_seq = ? AND byte_offset + size > ? ORDER BY idx`,
    )
    .all(recordingId, segmentSeq, from) as Array<{ byteOffset: number; size: number }>;
}
