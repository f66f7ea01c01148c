import type { Database } from 'better-sqlite3';
import { insertChunk, insertSegment } from '../../src/core/services/catalog/queries/chunks';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { insertRecording } from '../../src/core/services/catalog/queries/recordings';

/** One interview with one stopped recording of `chunks` one-second chunks of `chunkBytes` each (catalog rows only). */
export function seedRecording(
  db: Database,
  id: string,
  options: { title?: string; chunks?: number; chunkBytes?: number; startedAt?: string } = {},
): void {
  const { title = `Interview ${id}`, chunks = 3, chunkBytes = 1000, startedAt = '2026-11-20T10:00:00.000Z' } = options;
  db.transaction(() => {
    insertInterview(db, { id: `int-${id}`, title, candidateName: 'Ada Lovelace', createdAt: startedAt });
    insertRecording(db, { id, interviewId: `int-${id}`, state: 'stopped', mimeType: 'video/webm', startedAt });
    insertSegment(db, { recordingId: id, seq: 0, filePath: `/rec/${id}/0.webm`, mimeType: 'video/webm', startedAt });
    for (let idx = 0; idx < chunks; idx++) {
      insertChunk(db, {
        recordingId: id,
        segmentSeq: 0,
        idx,
        byteOffset: idx * chunkBytes,
        size: chunkBytes,
        sha256: 'a'.repeat(64),
        receivedAt: startedAt,
      });
    }
  })();
}
