import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { endSegment, insertChunk, insertSegment } from '../catalog/queries/chunks';
import { insertEvent } from '../catalog/queries/events';
import { insertConsent, insertInterview, interviewExists } from '../catalog/queries/interviews';
import { insertRecording, markRecovered } from '../catalog/queries/recordings';
import { readRecordingInfo, type RecordingInfo } from './recording-sidecar';
import { scanSegment, SEGMENT_FILE, type ScannedSegment } from './reindex-segment';

export interface ReindexResult {
  /** Recordings now in the catalog again, stopped and ready for recovery to finalize and upload. */
  reindexed: string[];
  skipped: Array<{ folder: string; reason: string }>;
}

const NOTE = 're-indexed from its files after the catalog was lost';

/** Folders under `recordingsDir` that hold at least one segment file: what a lost catalog must not forget. */
export function recordingFolders(recordingsDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(recordingsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((name) => {
    try {
      return fs.readdirSync(path.join(recordingsDir, name)).some((file) => SEGMENT_FILE.test(file));
    } catch {
      return false; // a file, or unreadable: not a recording folder
    }
  });
}

function scanFolder(dir: string): { segments: ScannedSegment[]; problems: string[] } {
  const segments: ScannedSegment[] = [];
  const problems: string[] = [];
  const files = fs
    .readdirSync(dir)
    .map((file) => ({ file, match: SEGMENT_FILE.exec(file) }))
    .filter((entry) => entry.match)
    .sort((a, b) => Number(a.match![1]) - Number(b.match![1]));
  for (const { file, match } of files) {
    try {
      const segment = scanSegment(path.join(dir, file), Number(match![1]));
      if (segment.chunks.length > 0) segments.push(segment);
      else problems.push(`${file} holds no whole chunk`);
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { segments, problems };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Writes one recording's rows, all in one transaction: interview, recording, segments, chunks, then "stopped". */
function insertRecovered(db: Database, recordingId: string, segments: ScannedSegment[], info: RecordingInfo | undefined, now: Date) {
  const starts = segments.map((s) => s.modifiedAt.getTime() - s.durationMs);
  const startedAt = info?.startedAt ?? iso(starts[0]!);
  const interview = info?.interview ?? { id: `recovered-${recordingId}`, title: `Recovered recording ${recordingId}` };
  db.transaction(() => {
    if (!interviewExists(db, interview.id)) {
      insertInterview(db, { ...interview, createdAt: startedAt });
      for (const consent of info?.consent ?? []) insertConsent(db, { interviewId: interview.id, ...consent });
    }
    insertRecording(db, { id: recordingId, interviewId: interview.id, state: 'recording', mimeType: segments[0]!.mimeType, startedAt });
    for (const [i, segment] of segments.entries()) {
      insertSegment(db, {
        recordingId,
        seq: segment.seq,
        filePath: segment.filePath,
        mimeType: segment.mimeType,
        startedAt: iso(starts[i]!),
      });
      endSegment(db, recordingId, segment.seq, segment.modifiedAt.toISOString());
      for (const chunk of segment.chunks) {
        const receivedAt = iso(starts[i]! + (chunk.mediaEndMs ?? segment.durationMs));
        insertChunk(db, { recordingId, segmentSeq: segment.seq, ...chunk, receivedAt });
      }
    }
    for (const event of info?.events ?? []) insertEvent(db, { interviewId: interview.id, recordingId, ...event });
    markRecovered(db, recordingId, {
      endedAt: segments.at(-1)!.modifiedAt.toISOString(),
      durationMs: segments.reduce((sum, s) => sum + s.durationMs, 0),
      recoveredAt: now.toISOString(),
      note: NOTE,
    });
  })();
}

/**
 * Rebuilds the catalog rows of every recording folder it does not know, from the files themselves: the folder
 * name is the recording id, segment files give their sequence, codecs and whole chunks (boundaries from the
 * container, hashed as the recorder hashed them), the manifest or sidecar the interview. Each recording is left
 * stopped with no owning run, so recovery finalizes it and the upload queue uploads it as after any crash; a
 * finalized file found beside the segments is simply made again from them (and verified like any other).
 */
export function reindexRecordings(db: Database, recordingsDir: string, now = new Date()): ReindexResult {
  const result: ReindexResult = { reindexed: [], skipped: [] };
  const known = db.prepare('SELECT 1 FROM recordings WHERE id = ?');
  for (const folder of recordingFolders(recordingsDir)) {
    if (known.get(folder)) continue;
    const dir = path.join(recordingsDir, folder);
    const { segments, problems } = scanFolder(dir);
    if (segments.length === 0) {
      result.skipped.push({ folder, reason: problems.join('; ') || 'no segment file' });
      continue;
    }
    try {
      insertRecovered(db, folder, segments, readRecordingInfo(dir, folder), now);
      result.reindexed.push(folder);
      if (problems.length) result.skipped.push({ folder, reason: `some segments left out: ${problems.join('; ')}` });
    } catch (error) {
      result.skipped.push({ folder, reason: (error as Error).message });
    }
  }
  return result;
}
