// An interview to review: a finalized local backup (a real MP4 made by ffmpeg), cloud recordings really made by
// the development backend (Agora MP4 + HLS, LiveKit MP3 in the local S3), its question markers and notes on each
// recording's clock — catalog rows written as the app writes them.
import { PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import type { Database } from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createAgoraClient, type AgoraStarted } from '../../src/core/services/backends/agora/agora-client';
import { createLivekitClient } from '../../src/core/services/backends/livekit/livekit-client';
import { insertCloudSession, updateCloudSession } from '../../src/core/services/catalog/queries/cloud-sessions';
import { insertEvent } from '../../src/core/services/catalog/queries/events';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { insertNote } from '../../src/core/services/catalog/queries/notes';
import { finishRecording, insertRecording, markFinalized } from '../../src/core/services/catalog/queries/recordings';
import type { LocalS3 } from '../../tools/lib/local-s3.mjs';
import { runMediaTool } from './media-analysis';

export const REVIEW_QUESTIONS = ['Tell us about a project you are proud of.', 'Why this role?'] as const;

/** A real MP4 (test pattern and a tone) of `seconds`, keyframes every second so seeking lands exactly. */
export async function makeMp4(file: string, seconds: number): Promise<void> {
  await runMediaTool('ffmpeg', [
    ...[
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=320x180:rate=15`,
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440',
    ],
    ...['-t', String(seconds), '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '15', '-c:a', 'aac'],
    ...['-movflags', '+faststart', '-shortest', file],
  ]);
}

export interface CloudRecordings {
  agora: AgoraStarted & { scheduleId: string; startedAt: string };
  livekit: { egressId: string; room: string; startedAt: string };
}

/** Records `seconds` on the development backend (both backends at once), then stops both; LiveKit then processes. */
export async function recordOnDevBackend(
  env: Record<string, string>,
  { scheduleId, channel, room, seconds }: { scheduleId: string; channel: string; room: string; seconds: number },
): Promise<CloudRecordings> {
  const agora = createAgoraClient(env.IREC_AGORA_URL!);
  const livekit = createLivekitClient({ baseUrl: env.IREC_LIVEKIT_URL!, token: env.IREC_LIVEKIT_TOKEN });
  const started = await agora.start({ channel, uid: '9001', scheduleId });
  const agoraAt = new Date().toISOString();
  const { egressId } = await livekit.start(room);
  const livekitAt = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await agora.stop({ ...started, scheduleId });
  await livekit.stop(egressId);
  return { agora: { ...started, scheduleId, startedAt: agoraAt }, livekit: { egressId, room, startedAt: livekitAt } };
}

export interface ReviewSeed {
  interviewId: string;
  localId: string;
  localFile: string;
  localDurationMs: number;
  cloud?: CloudRecordings;
  /** Notes: `localMs` on the local backup's clock, `cloudMs` on the Agora recording's. */
  notes: Array<{ text: string; localMs?: number; cloudMs?: number; questionIndex?: number }>;
  /** Question starts (ms): on the local clock, and (same offsets) from the Agora recording's start. */
  questionStartsMs: number[];
}

/** The catalog rows of the interview: the local recording finalized, its markers, cloud sessions, notes. */
export function seedReviewInterview(db: Database, seed: ReviewSeed): void {
  const t0 = Date.now() - seed.localDurationMs - 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const bytes = fs.readFileSync(seed.localFile);
  db.transaction(() => {
    insertInterview(db, {
      id: seed.interviewId,
      title: 'Review test interview',
      candidateName: 'Ada',
      createdAt: iso(t0),
      scheduleId: seed.cloud?.agora.scheduleId,
    });
    insertRecording(db, {
      id: seed.localId,
      interviewId: seed.interviewId,
      state: 'stopped',
      mimeType: 'video/mp4',
      startedAt: iso(t0),
      kind: 'backup',
    });
    finishRecording(db, seed.localId, { state: 'stopped', endedAt: iso(t0 + seed.localDurationMs), durationMs: seed.localDurationMs });
    const output = {
      seq: 0,
      filePath: seed.localFile,
      container: 'mp4',
      durationMs: seed.localDurationMs,
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    };
    markFinalized(db, seed.localId, { outputs: [output], finalizedAt: iso(t0 + seed.localDurationMs), durationMs: seed.localDurationMs });
    const cloudStart = seed.cloud ? Date.parse(seed.cloud.agora.startedAt) : t0;
    seed.questionStartsMs.forEach((ms, index) => {
      const data = { index, take: 1, mediaMs: ms, text: REVIEW_QUESTIONS[index] };
      insertEvent(db, { interviewId: seed.interviewId, recordingId: seed.localId, at: iso(cloudStart + ms), kind: 'question.start', data });
    });
    if (seed.cloud) {
      const { agora, livekit } = seed.cloud;
      insertCloudSession(db, {
        id: 'cs-agora',
        interviewId: seed.interviewId,
        recordingId: null,
        backend: 'agora',
        state: 'registering',
        target: agora.channel,
        uid: agora.uid,
        scheduleId: agora.scheduleId,
        createdAt: agora.startedAt,
      });
      updateCloudSession(
        db,
        'cs-agora',
        { state: 'done', resourceId: agora.resourceId, remoteId: agora.sid, startedAt: agora.startedAt },
        agora.startedAt,
      );
      insertCloudSession(db, {
        id: 'cs-livekit',
        interviewId: seed.interviewId,
        recordingId: null,
        backend: 'livekit',
        state: 'registering',
        target: livekit.room,
        createdAt: livekit.startedAt,
      });
      updateCloudSession(
        db,
        'cs-livekit',
        { state: 'processing', remoteId: livekit.egressId, startedAt: livekit.startedAt },
        livekit.startedAt,
      );
    }
    seed.notes.forEach((note, i) => {
      insertNote(db, {
        id: `note-${i + 1}`,
        interviewId: seed.interviewId,
        text: note.text,
        questionIndex: note.questionIndex ?? null,
        author: 'Interviewer',
        createdAt: iso(cloudStart + (note.cloudMs ?? note.localMs ?? 0)),
        editedAt: null,
        localRecordingId: note.localMs === undefined ? null : seed.localId,
        localMs: note.localMs ?? null,
        cloudSessionId: note.cloudMs === undefined || !seed.cloud ? null : 'cs-agora',
        cloudMs: seed.cloud ? (note.cloudMs ?? null) : null,
      });
    });
  })();
}

/**
 * Lets pages of any origin GET the bucket's objects, as a bucket serving recordings to hls.js must (it fetches
 * playlists and segments itself, so the storage must answer with Access-Control-Allow-Origin).
 */
export async function allowBucketReads(s3: LocalS3): Promise<void> {
  const client = new S3Client({
    region: s3.connection.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.connection.accessKeyId, secretAccessKey: s3.connection.secretAccessKey },
  });
  try {
    await client.send(
      new PutBucketCorsCommand({
        Bucket: s3.bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'], AllowedHeaders: ['*'] }] },
      }),
    );
  } finally {
    client.destroy();
  }
}
