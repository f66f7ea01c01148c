import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { createAgoraClient } from '../../src/core/services/backends/agora/agora-client';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { listOutbox } from '../../src/core/services/catalog/queries/outbox';
import { catalogOf, recordingState, recordThroughHandlers, seedLinkedInterview, sessionOf } from '../support/cloud-interview';
import { keyOfUrl } from '../support/backend-failure';
import { devBackend, received } from '../support/dev-backend';
import { objectBytes, objectExists, s3Settings } from '../support/local-s3';
import { recordChunks } from '../support/recorded-chunks';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';
import type { TestBackend } from '../support/dev-backend';

const SCHEDULE = '675812ab3f4e5a0b1c234567';

/**
 * A core configured the way `npm start` configures the app: the development backend for all three contracts
 * and the local S3. `uploads: false` leaves out S3 and the Media API, for tests that end before an upload would
 * (an upload still running when the test's S3 folder is removed crashes s3rver).
 */
function cloudCore(root: string, test: TestBackend, { uploads = true } = {}) {
  const backends = {
    'backends.agora.baseUrl': test.backend.agoraUrl,
    'backends.livekit.baseUrl': test.backend.livekitUrl,
    'backends.livekit.token': test.backend.token,
    ...(uploads ? { 'backends.mediaApi.baseUrl': test.backend.mediaApiUrl, 'backends.mediaApi.site': 'localhost' } : {}),
    'backends.healthSeconds': 2,
  };
  const settings = uploads
    ? s3Settings(test.s3, test.s3.endpoint, backends)
    : Object.entries(backends).map(([key, value]) => `${key}=${value}`);
  return createTestCore(root, {}, settings);
}

describe('cloud recordings of an interview', () => {
  it(
    'registers Agora and LiveKit when recording starts, checks health, stops them at the end and uploads to the Media API',
    { timeout: 90_000 },
    async () => {
      const test = await devBackend({ livekitProcessingMs: 500 });
      const core = cloudCore(tempDir(), test);
      core.cloud!.start();
      const interviewId = seedLinkedInterview(core, {
        agoraChannel: 'interview_cloud_1',
        livekitRoom: '!room:example.com',
        scheduleId: SCHEDULE,
      });
      const chunks = await recordChunks('vp8-webm', 5);

      const recordingId = await recordThroughHandlers(core, interviewId, chunks, async () => {
        await expect.poll(() => sessionOf(core, interviewId, 'agora')?.state, { timeout: 10_000 }).toBe('active');
        // Health is queried while the interview runs and shown in words.
        await expect.poll(() => sessionOf(core, interviewId, 'agora')?.statusText, { timeout: 10_000 }).toBe('Recording in progress');
        await expect.poll(() => sessionOf(core, interviewId, 'livekit')?.checkedAt, { timeout: 10_000 }).not.toBeNull();
        expect(sessionOf(core, interviewId, 'livekit')).toMatchObject({ state: 'active', statusText: 'Recording', error: null });
      });

      await expect.poll(() => recordingState(core, recordingId), { timeout: 60_000 }).toBe('uploaded');
      await expect
        .poll(
          () =>
            core
              .cloud!.sessions({ interviewId })
              .map((s) => `${s.backend}:${s.state}`)
              .sort(),
          { timeout: 30_000 },
        )
        .toEqual(['agora:done', 'livekit:done', 'media:done']);
      const agora = sessionOf(core, interviewId, 'agora')!;
      expect(agora).toMatchObject({
        target: 'interview_cloud_1',
        scheduleId: SCHEDULE,
        recordingUrl: expect.stringMatching(/\.mp4$/),
        error: null,
      });
      expect(agora.uid).toMatch(/^\d+$/);
      expect(agora.files.map((f) => f.filename.split('.').pop())).toEqual(['m3u8', 'mp4']);
      expect(received(test.backend, 'POST', '/api/agora/recording/stop')[0]!.body).toStrictEqual({
        channel_name: 'interview_cloud_1',
        uid: agora.uid,
        resource_id: agora.recording?.resourceId,
        sid: agora.recording?.sid,
        schedule_id: SCHEDULE,
      });
      expect(received(test.backend, 'POST', '/api/agora/recording/query').length).toBeGreaterThan(0);
      expect(sessionOf(core, interviewId, 'livekit')).toMatchObject({ statusCode: 1, recordingUrl: expect.stringMatching(/^http/) });

      // The Media API was fed the recorded stream while recording: its video is the segment's bytes.
      const media = sessionOf(core, interviewId, 'media')!;
      const segment = getRecordingDetail(catalogOf(core), recordingId)!.segments[0]!;
      expect(media).toMatchObject({
        target: 'localhost',
        apiSessionId: `irec-${recordingId}`,
        bytesSent: segment.bytes,
        bytesTotal: segment.bytes,
      });
      expect(Buffer.from(await objectBytes(test.s3, keyOfUrl(media.recordingUrl!, test.s3.bucket)))).toEqual(
        fs.readFileSync(segment.filePath),
      );
      expect(listOutbox(catalogOf(core))).toEqual([]);
    },
  );

  it(
    'keeps recording, finalizing and uploading to S3 while the backend is down for the whole interview; owed calls go out when it is back, also after a restart',
    { timeout: 120_000 },
    async () => {
      const test = await devBackend();
      const root = tempDir();
      const chunks = await recordChunks('vp8-webm', 4);

      // The backend answers the registration, then is gone for the whole interview and beyond the app's quit.
      const first = cloudCore(root, test);
      first.cloud!.start();
      const interviewId = seedLinkedInterview(first, { agoraChannel: 'interview_down_1', scheduleId: SCHEDULE });
      const recordingId = await recordThroughHandlers(first, interviewId, chunks, async () => {
        await expect.poll(() => first.cloud!.sessions({ interviewId })[0]?.state, { timeout: 10_000 }).toBe('active');
        await test.stop();
      });
      await expect.poll(() => recordingState(first, recordingId), { timeout: 60_000 }).toBe('uploaded');
      const detail = getRecordingDetail(catalogOf(first), recordingId)!;
      expect(detail.outputs[0]!.durationMs).toBeGreaterThan(3500);
      expect(await objectExists(test.s3, first.uploads!.progress(recordingId).key!)).toBe(true);

      await expect
        .poll(
          () =>
            listOutbox(catalogOf(first))
              .map((item) => item.kind)
              .sort(),
          { timeout: 10_000 },
        )
        .toEqual(['agora.stop', 'media.upload']);
      await expect
        .poll(() => Math.min(...listOutbox(catalogOf(first)).map((item) => item.attempts)), { timeout: 20_000 })
        .toBeGreaterThan(0);
      expect(sessionOf(first, interviewId, 'agora')).toMatchObject({
        state: 'stopping',
        pending: { kind: 'agora.stop', lastError: expect.stringMatching(/Could not reach/) },
      });
      await first.close();

      // The backend is back; the app starts again on the same catalog and delivers what it owed.
      await test.restart();
      const second = cloudCore(root, test);
      second.cloud!.start();
      await expect
        .poll(
          () =>
            second
              .cloud!.sessions({ interviewId })
              .map((s) => `${s.backend}:${s.state}`)
              .sort(),
          { timeout: 30_000 },
        )
        .toEqual(['agora:done', 'media:done']);
      expect(sessionOf(second, interviewId, 'agora')!.recordingUrl).toMatch(/\.mp4$/);
      expect(received(test.backend, 'POST', '/api/agora/recording/stop')).toHaveLength(1);
      const media = sessionOf(second, interviewId, 'media')!;
      expect(Buffer.from(await objectBytes(test.s3, keyOfUrl(media.recordingUrl!, test.s3.bucket)))).toEqual(
        fs.readFileSync(detail.segments[0]!.filePath),
      );
      expect(listOutbox(catalogOf(second))).toEqual([]);
    },
  );

  it(
    'never registers while the backend is down from the start, says so, and still delivers the upload when it returns',
    { timeout: 90_000 },
    async () => {
      const test = await devBackend();
      await test.stop();
      const core = cloudCore(tempDir(), test);
      core.cloud!.start();
      const interviewId = seedLinkedInterview(core, { agoraChannel: 'interview_down_2' });
      const recordingId = await recordThroughHandlers(core, interviewId, await recordChunks('vp8-webm', 3));
      await expect.poll(() => recordingState(core, recordingId), { timeout: 60_000 }).toBe('uploaded');
      expect(sessionOf(core, interviewId, 'agora')).toMatchObject({
        state: 'missed',
        error: expect.stringMatching(/^Never registered: Not registered yet \(Could not reach/),
      });
      await expect.poll(() => sessionOf(core, interviewId, 'media')?.pending?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);

      await test.restart();
      await expect.poll(() => sessionOf(core, interviewId, 'media')?.state, { timeout: 30_000 }).toBe('done');
      expect(received(test.backend, 'POST', '/api/agora/recording/stop')).toEqual([]);
    },
  );

  it(
    'shows a stop with an empty file list as a failure: the recording backend has no cloud storage configured',
    { timeout: 60_000 },
    async () => {
      const test = await devBackend();
      test.backend.setFault({ backend: 'agora', endpoint: 'stop', mode: 'noStorage' });
      const core = cloudCore(tempDir(), test, { uploads: false });
      core.cloud!.start();
      const interviewId = seedLinkedInterview(core, { agoraChannel: 'interview_nostorage' });
      await recordThroughHandlers(core, interviewId, await recordChunks('vp8-webm', 2), async () => {
        await expect.poll(() => core.cloud!.sessions({ interviewId })[0]?.state, { timeout: 10_000 }).toBe('active');
      });
      await expect.poll(() => sessionOf(core, interviewId, 'agora')?.state, { timeout: 20_000 }).toBe('failed');
      expect(sessionOf(core, interviewId, 'agora')!.error).toMatch(/recording backend has no cloud storage configured/);
      // Delivered (the stop happened): not retried.
      expect(listOutbox(catalogOf(core), ['pending', 'held', 'failed']).filter((item) => item.kind === 'agora.stop')).toEqual([]);
      expect(received(test.backend, 'POST', '/api/agora/recording/stop')).toHaveLength(1);
    },
  );
  it(
    'recognises a stop whose answer was lost: the backend refuses the repeat, the schedule listing shows it stopped',
    { timeout: 60_000 },
    async () => {
      const test = await devBackend();
      const core = cloudCore(tempDir(), test, { uploads: false });
      core.cloud!.start();
      const interviewId = seedLinkedInterview(core, { agoraChannel: 'interview_lost_stop', scheduleId: SCHEDULE });
      await recordThroughHandlers(core, interviewId, await recordChunks('vp8-webm', 2), async () => {
        await expect.poll(() => sessionOf(core, interviewId, 'agora')?.state, { timeout: 10_000 }).toBe('active');
        // The first stop reached the backend, but its answer never came back.
        const session = sessionOf(core, interviewId, 'agora')!;
        await createAgoraClient(test.backend.agoraUrl).stop({
          channel: session.target,
          uid: session.uid,
          ...session.recording!,
          scheduleId: SCHEDULE,
        });
      });
      await expect.poll(() => sessionOf(core, interviewId, 'agora')?.state, { timeout: 20_000 }).toBe('done');
      expect(sessionOf(core, interviewId, 'agora')!.recordingUrl).toMatch(/\.mp4$/);
      expect(received(test.backend, 'POST', '/api/agora/recording/stop').map((r) => r.status)).toEqual([200, 500]);
    },
  );

  it('stops cloud recordings a crashed run left running, at the next start', { timeout: 60_000 }, async () => {
    const test = await devBackend({ livekitProcessingMs: 300 });
    const root = tempDir();
    const crashed = cloudCore(root, test, { uploads: false });
    const interviewId = seedLinkedInterview(crashed, { livekitRoom: '!crash:example.com' });
    const app = { origin: 'app://interview-recorder', isMainFrame: true };
    await createHandlerTable(crashed).startRecording({ interviewId, mimeType: 'video/webm' }, app);
    await expect.poll(() => sessionOf(crashed, interviewId, 'livekit')?.state, { timeout: 10_000 }).toBe('active');
    // No stop ever comes from that run; the next one finds the session still active.
    const next = cloudCore(root, test, { uploads: false });
    next.cloud!.start();
    await expect.poll(() => sessionOf(next, interviewId, 'livekit')?.state, { timeout: 20_000 }).toBe('done');
    expect(received(test.backend, 'POST', '/api/recording/stop')).toHaveLength(1);
    expect(sessionOf(next, interviewId, 'livekit')!.recordingUrl).toMatch(/\.mp3$/);
  });

  it(
    'holds a stop refused for an expired token, says so in doctor, and sends it once the app starts with a good one',
    { timeout: 60_000 },
    async () => {
      const test = await devBackend({ livekitProcessingMs: 300 });
      const root = tempDir();
      const first = cloudCore(root, test, { uploads: false });
      first.cloud!.start();
      const interviewId = seedLinkedInterview(first, { livekitRoom: '!token:example.com' });
      await recordThroughHandlers(first, interviewId, await recordChunks('vp8-webm', 2), async () => {
        await expect.poll(() => sessionOf(first, interviewId, 'livekit')?.state, { timeout: 10_000 }).toBe('active');
        test.backend.setFault({ backend: 'livekit', mode: 'unauthorized' });
      });
      await expect.poll(() => sessionOf(first, interviewId, 'livekit')?.pending?.state, { timeout: 20_000 }).toBe('held');
      expect(sessionOf(first, interviewId, 'livekit')!.error).toMatch(/Sign in again/);
      expect(received(test.backend, 'POST', '/api/recording/stop')).toHaveLength(1);
      expect(first.doctor().problems.join('\n')).toMatch(/1 backend call\(s\) wait for a new LiveKit token/);
      await first.close();

      test.backend.clearFaults();
      const second = cloudCore(root, test, { uploads: false });
      second.cloud!.start();
      await expect.poll(() => sessionOf(second, interviewId, 'livekit')?.state, { timeout: 20_000 }).toBe('done');
    },
  );
});
