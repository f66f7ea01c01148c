// The review service over a real catalog, a real finalized MP4, and the development backend over a local S3: the
// local backup plays through the app's own route with Range, the Agora recording's MP4 and HLS and the LiveKit
// egress through the URLs the backends give, a recording still processing says so, and a backend that fails is a
// problem in words that does not hide the rest.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { localMediaReply } from '../../src/core/services/review/local-media';
import type { ReviewListInput, ReviewRecordingInput } from '../../src/shared/domain/review';
import { devBackend } from '../support/dev-backend';
import { runMediaTool } from '../support/media-analysis';
import { makeMp4, recordOnDevBackend, REVIEW_QUESTIONS, seedReviewInterview } from '../support/review-fixtures';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const INTERVIEW = 'int-review';
const CLOUD_SECONDS = 6;
const WAIT = { timeout: 60_000, interval: 500 };

const dbOf = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));
const bySource = (list: ReviewListInput, source: ReviewRecordingInput['source']) => list.recordings.filter((r) => r.source === source);

async function readAll(stream: Readable | null): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  await once(stream, 'end');
  return Buffer.concat(parts);
}

const durationOf = async (url: string) =>
  Number((await runMediaTool('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', url])).toString().trim());

/** An HLS playlist's length (its EXTINFs), each segment fetched from where the playlist says it is. */
async function hlsSeconds(url: string): Promise<number> {
  const playlist = await (await fetch(url)).text();
  expect(playlist).toMatch(/^#EXTM3U[\s\S]*#EXT-X-ENDLIST/);
  const lines = playlist.split('\n');
  let seconds = 0;
  for (const [i, line] of lines.entries()) {
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (!extinf) continue;
    seconds += Number(extinf[1]);
    const segment = await fetch(new URL(lines[i + 1]!, url));
    expect(segment.status).toBe(200);
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }
  return seconds;
}

async function setup(options: { cloud: boolean }) {
  const root = tempDir('irec-review-');
  const dev = await devBackend({ livekitProcessingMs: 3000 });
  const core = createTestCore(root, dev.backend.env);
  const localFile = path.join(root, 'backup.mp4');
  await makeMp4(localFile, 20);
  const cloud = options.cloud
    ? await recordOnDevBackend(dev.backend.env, {
        scheduleId: 'sched-42',
        channel: 'review-ch',
        room: 'review-room',
        seconds: CLOUD_SECONDS,
      })
    : undefined;
  seedReviewInterview(dbOf(core), {
    interviewId: INTERVIEW,
    localId: 'rec-backup',
    localFile,
    localDurationMs: 20_000,
    cloud,
    questionStartsMs: [1000, 3000],
    notes: [
      { text: 'Clear answer on the project', localMs: 12_000, cloudMs: 4_000, questionIndex: 0 },
      { text: 'Only on the local clock', localMs: 15_500 },
    ],
  });
  return { core, dev, localFile };
}

describe('review: the interview’s recordings to play back', () => {
  it(
    'lists the local backup, the Agora MP4 and HLS and the LiveKit egress, each playable; LiveKit first as processing',
    { timeout: 180_000 },
    async () => {
      const { core, localFile } = await setup({ cloud: true });
      const first = await core.review.list(INTERVIEW);
      expect(first.problems).toEqual([]);

      // The local backup: the app's own route, by id and output number, serving the very bytes with Range.
      const [local] = bySource(first, 'local');
      expect(local).toMatchObject({
        status: 'ready',
        kind: 'mp4',
        playbackUrl: '/__irec/media/rec-backup/0',
        durationMs: 20_000,
        clock: 'local',
      });
      const bytes = fs.readFileSync(localFile);
      const ranged = localMediaReply(core.review, local!.playbackUrl!, 'bytes=1000-1999');
      expect(ranged.status).toBe(206);
      expect(ranged.headers['Content-Range']).toBe(`bytes 1000-1999/${bytes.length}`);
      expect((await readAll(ranged.body)).equals(bytes.subarray(1000, 2000))).toBe(true);
      expect(localMediaReply(core.review, '/__irec/media/rec-backup/1', null).status).toBe(404);
      expect(localMediaReply(core.review, '/__irec/media/..%2Fcatalog.sqlite/0', null).status).toBe(404);
      expect(localMediaReply(core.review, local!.playbackUrl!, `bytes=${bytes.length}-`).status).toBe(416);

      // Agora: both files of the schedule's recording, at the s3_url the backend gave, really playable.
      const agora = bySource(first, 'agora');
      expect(agora.map((r) => [r.kind, r.status])).toEqual([
        ['hls', 'ready'],
        ['mp4', 'ready'],
      ]);
      for (const r of agora) expect(r.playbackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\/recordings\/.+review-ch\.(m3u8|mp4)$/);
      expect(await durationOf(agora[1]!.playbackUrl!)).toBeCloseTo(CLOUD_SECONDS, 0);
      expect(await hlsSeconds(agora[0]!.playbackUrl!)).toBeCloseTo(CLOUD_SECONDS, 0);

      // LiveKit: stopped moments ago, still processing; asked again no sooner than its rate limits allow.
      const [processing] = bySource(first, 'livekit');
      expect(processing).toMatchObject({ status: 'processing', playbackUrl: null });
      expect(processing!.retryAfterMs).toBeGreaterThanOrEqual(5000);
      await expect.poll(async () => bySource(await core.review.list(INTERVIEW), 'livekit')[0]?.status, WAIT).toBe('ready');
      const [ready] = bySource(await core.review.list(INTERVIEW), 'livekit');
      expect(ready).toMatchObject({ kind: 'audio', retryAfterMs: null });
      expect(ready!.playbackUrl).toMatch(/\.mp3$/);
      expect((await fetch(ready!.playbackUrl!)).headers.get('content-type')).toBe('audio/mpeg');
    },
  );

  it('puts questions and notes on each recording’s own clock, as cues and as WebVTT', { timeout: 120_000 }, async () => {
    const { core } = await setup({ cloud: true });
    const list = await core.review.list(INTERVIEW);
    const local = await core.review.chapters(INTERVIEW, bySource(list, 'local')[0]!.ref);
    expect(local.cues.map((c) => [c.kind, c.startMs, c.questionIndex])).toEqual([
      ['question', 1000, 0],
      ['question', 3000, 1],
      ['note', 12_000, 0],
      ['note', 15_500, null],
    ]);
    expect(local.cues[0]!.title).toContain(REVIEW_QUESTIONS[0]);
    expect(local.vtt).toMatch(/^WEBVTT\n\nquestion-1\n00:00:01\.000 --> 00:00:03\.000\nQuestion 1: Tell us about a project/);
    expect(local.vtt).toContain('00:00:12.000 --> 00:00:17.000\nClear answer on the project');

    const cloud = await core.review.chapters(INTERVIEW, bySource(list, 'agora')[1]!.ref);
    expect(cloud.cues.map((c) => [c.kind, c.startMs])).toEqual([
      ['question', 1000],
      ['question', 3000],
      ['note', 4000],
    ]);
    await expect(core.review.chapters(INTERVIEW, 'agora:nope:0')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.review.list('no-such-interview')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a backend that fails or is down is a problem in words; the local backup still plays', { timeout: 120_000 }, async () => {
    const { core, dev } = await setup({ cloud: true });
    dev.backend.setFault({ backend: 'agora', mode: 'http500', times: 1 });
    const failing = await core.review.list(INTERVIEW);
    expect(failing.problems).toHaveLength(1);
    expect(failing.problems[0]).toMatch(/Agora/);
    expect(bySource(failing, 'local')[0]?.status).toBe('ready');
    expect(bySource(failing, 'agora')).toEqual([]);

    await dev.stop();
    const down = await core.review.list(INTERVIEW);
    expect(down.problems).toHaveLength(2);
    for (const problem of down.problems) expect(problem).toMatch(/Agora|LiveKit/);
    expect(bySource(down, 'local')[0]?.status).toBe('ready');
  });

  it('over IPC the playback URLs arrive whole, and a local file retention removed is said to be gone', { timeout: 60_000 }, async () => {
    const { core, localFile } = await setup({ cloud: false });
    const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: ['app://x'], redact: core.redact });
    const answer = await dispatch('listReviewRecordings', { interviewId: INTERVIEW }, { origin: 'app://x', isMainFrame: true });
    expect(answer).toMatchObject({ ok: true, value: { recordings: [{ source: 'local', playbackUrl: '/__irec/media/rec-backup/0' }] } });
    fs.rmSync(localFile);
    const [gone] = (await core.review.list(INTERVIEW)).recordings;
    expect(gone).toMatchObject({ status: 'failed', playbackUrl: null, error: expect.stringMatching(/gone/) });
    expect(localMediaReply(core.review, '/__irec/media/rec-backup/0', null).status).toBe(404);
  });
});
