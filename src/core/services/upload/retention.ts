import type { Database } from 'better-sqlite3';
import fs from 'node:fs/promises';
import path from 'node:path';
import { getRecordingDetail } from '../catalog/queries/recordings';
import { markLocalDeleted, recordingsPastRetention } from '../catalog/queries/uploads';
import { sidecarFile } from '../recovery/recording-sidecar';

const DAY_MS = 86_400_000;

/**
 * Deletes the local files of recordings whose upload was verified more than `days` ago (null: never). The
 * catalog rows stay, so the recording is still listed with where it lives in the bucket.
 */
export async function applyRetention(db: Database, days: number | null, now = new Date()): Promise<string[]> {
  if (days === null) return [];
  const due = recordingsPastRetention(db, new Date(now.getTime() - days * DAY_MS).toISOString());
  for (const recordingId of due) {
    const recording = getRecordingDetail(db, recordingId)!;
    const files = [...recording.segments.map((segment) => segment.filePath), ...recording.outputs.map((output) => output.filePath)];
    const dir = path.dirname(files[0] ?? '.');
    files.push(path.join(dir, `${recordingId}.manifest.json`), sidecarFile(dir));
    await Promise.all(files.map((file) => fs.rm(file, { force: true })));
    markLocalDeleted(db, recordingId, now.toISOString());
  }
  return due;
}
