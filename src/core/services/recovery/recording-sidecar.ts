import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { replaceFileDurablySync } from '../../platform/durable-fs';

/**
 * A few lines of JSON beside a recording's segments, written when it starts, so that re-indexing after the catalog
 * was lost restores the interview's title and candidate instead of a placeholder. The upload manifest
 * (`<id>.manifest.json`, written at upload) says more — consent and events too — and is preferred when present.
 */
export const sidecarFile = (dir: string) => path.join(dir, 'recording.json');

const interviewSchema = z.object({
  id: z.string().min(1).max(200),
  scriptId: z.string().nullish(),
  title: z.string().min(1).max(500),
  candidateName: z.string().nullish(),
  locale: z.string().nullish(),
});

const sidecarSchema = z.object({
  schema: z.literal('interview-recorder/recording@1'),
  recordingId: z.string(),
  startedAt: z.iso.datetime(),
  interview: interviewSchema,
});

const manifestSchema = z.object({
  schema: z.literal('interview-recorder/manifest@1'),
  interview: interviewSchema,
  recording: z.object({ id: z.string(), startedAt: z.iso.datetime() }),
  events: z.array(z.object({ at: z.string(), kind: z.string(), data: z.unknown() })).default([]),
  consent: z.array(z.object({ scriptId: z.string(), consentedAt: z.string(), statement: z.string() })).default([]),
});

export interface RecordingInfo {
  interview: z.infer<typeof interviewSchema>;
  startedAt: string;
  events: Array<{ at: string; kind: string; data: unknown }>;
  consent: Array<{ scriptId: string; consentedAt: string; statement: string }>;
}

/**
 * Writes the sidecar of a recording that has just started (its folder exists). Never throws: the recording
 * matters more than its sidecar, so a failure is only reported through `warn`.
 */
export function writeRecordingSidecar(db: Database, recordingId: string, dir: string, warn: (message: string) => void): void {
  try {
    writeSidecar(db, recordingId, dir);
  } catch (error) {
    warn(`The recording's sidecar file could not be written (${(error as Error).message}); it is only needed if the catalog is lost.`);
  }
}

function writeSidecar(db: Database, recordingId: string, dir: string): void {
  const row = db
    .prepare(
      `SELECT r.started_at AS startedAt, i.id, i.script_id AS scriptId, i.title, i.candidate_name AS candidateName, i.locale
         FROM recordings r JOIN interviews i ON i.id = r.interview_id WHERE r.id = ?`,
    )
    .get(recordingId) as ({ startedAt: string } & z.infer<typeof interviewSchema>) | undefined;
  if (!row) return;
  const { startedAt, ...interview } = row;
  const sidecar = { schema: 'interview-recorder/recording@1', recordingId, startedAt, interview };
  replaceFileDurablySync(sidecarFile(dir), `${JSON.stringify(sidecar, null, 2)}\n`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // missing, or torn by the same crash that hurt the catalog: the files still count
  }
}

/** What the manifest or the sidecar in a recording's folder says about it, if either is there and valid. */
export function readRecordingInfo(dir: string, recordingId: string): RecordingInfo | undefined {
  const manifest = manifestSchema.safeParse(readJson(path.join(dir, `${recordingId}.manifest.json`)));
  if (manifest.success && manifest.data.recording.id === recordingId) {
    const { interview, recording, events, consent } = manifest.data;
    return { interview, startedAt: recording.startedAt, events, consent };
  }
  const sidecar = sidecarSchema.safeParse(readJson(sidecarFile(dir)));
  if (sidecar.success && sidecar.data.recordingId === recordingId) {
    return { interview: sidecar.data.interview, startedAt: sidecar.data.startedAt, events: [], consent: [] };
  }
  return undefined;
}
