import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { listParts, listUploadJobs } from '../../src/core/services/catalog/queries/uploads';
import { finalizeRecording } from '../../src/core/services/finalize/finalize-recording';
import { requireFfmpegTools } from '../../src/core/services/media/locate-ffmpeg';
import type { UploadProgress } from '../../src/shared/domain/upload';
import { startFaultProxy } from '../support/fault-proxy';
import { localS3, objectBytes, objectDigest, objectExists, s3Settings, sha256Of } from '../support/local-s3';
import { recordChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const MiB = 1024 * 1024;
const db = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));

function waitForUpload(core: Core, recordingId: string, state: UploadProgress['state']): Promise<UploadProgress> {
  return new Promise((resolve) => {
    const unsubscribe = core.events.subscribe((event, payload) => {
      const progress = payload as UploadProgress;
      if (event === 'uploadProgress' && progress.recordingId === recordingId && progress.state === state) {
        unsubscribe();
        resolve(progress);
      }
    });
  });
}

describe('recordings in S3', () => {
  it(
    'uploads the recorded stream while recording, in finished 100 MiB pieces, so that at stop only the tail remains',
    { timeout: 90_000 },
    async () => {
      const s3 = await localS3();
      const core = createTestCore(tempDir(), {}, s3Settings(s3));
      insertInterview(db(core), { id: 'int-progressive', title: 'Progressive', createdAt: new Date().toISOString() });
      const { recordingId } = await core.recording!.start({ interviewId: 'int-progressive', mimeType: 'video/webm' });
      const append = async (from: number, to: number) => {
        for (let index = from; index < to; index++) {
          await core.recording!.appendChunk({ recordingId, segment: 0, index, bytes: randomBytes(MiB), mediaEndMs: (index + 1) * 1000 });
        }
      };
      const jobs = () => listUploadJobs(db(core), { recordingId }).sort((a, b) => a.piece - b.piece);

      // 13 MiB durable: two whole 5 MiB parts may already go; the 3 MiB tail waits for more or for the stop.
      await append(0, 13);
      await expect
        .poll(() => listParts(db(core), jobs()[0]!.id).filter((part) => part.state === 'confirmed').length, { timeout: 10_000 })
        .toBe(2);

      // Past 100 MiB the first piece is a finished object while the interview goes on.
      await append(13, 103);
      await expect.poll(() => jobs()[0]!.state, { timeout: 30_000 }).toBe('done');
      expect(getRecordingDetail(db(core), recordingId)!.state).toBe('recording');
      expect(jobs()).toHaveLength(2);

      await core.recording!.stop({ recordingId, durationMs: 103_000 });
      await expect.poll(() => jobs().map((job) => job.state), { timeout: 10_000 }).toEqual(['done', 'done']);
      const [first, second] = jobs();
      expect(first).toMatchObject({ kind: 'stream', size: 100 * MiB, partsConfirmed: 20 });
      expect(second).toMatchObject({ kind: 'stream', size: 3 * MiB, partsConfirmed: 1, sourceOffset: 100 * MiB });
      expect(first!.objectKey).toMatch(new RegExp(`^recordings/\\d{4}-\\d\\d-\\d\\d/int-progressive-${recordingId}\\.stream-0-0\\.webm$`));
      const file = getRecordingDetail(db(core), recordingId)!.segments[0]!.filePath;
      const uploaded = Buffer.concat([await objectBytes(s3, first!.objectKey), await objectBytes(s3, second!.objectKey)]);
      expect(sha256Of(uploaded)).toBe(sha256Of(fs.readFileSync(file)));
    },
  );
  it(
    'after finalize uploads the video file and a manifest, verifies them, drops the stream copy, marks it uploaded',
    { timeout: 90_000 },
    async () => {
      const s3 = await localS3();
      const core = createTestCore(tempDir(), {}, s3Settings(s3));
      const media = await recordChunks('vp8-webm', 4);
      const recordingId = await recordSession(core, [media], {
        markers: [
          { kind: 'question.start', index: 0, mediaMs: 0 },
          { kind: 'question.end', index: 0, mediaMs: 3000 },
        ],
        stop: false,
      });
      const uploaded = waitForUpload(core, recordingId, 'uploaded');
      await core.recording.stop({ recordingId, durationMs: 4000 }); // the pipeline finalizes it, then uploads
      const progress = await uploaded;

      const detail = getRecordingDetail(db(core), recordingId)!;
      expect(detail.state).toBe('uploaded');
      const output = detail.outputs[0]!;
      expect(progress).toMatchObject({ bucket: s3.bucket, key: expect.stringMatching(new RegExp(`${recordingId}\\.webm$`)) });
      expect(await objectDigest(s3, progress.key!)).toEqual({ sha256: output.sha256, size: output.size });

      const manifestKey = progress.key!.replace(/\.webm$/, '.json');
      const manifest = JSON.parse(Buffer.from(await objectBytes(s3, manifestKey)).toString()) as { events: Array<{ kind: string }> };
      expect(manifest).toMatchObject({
        schema: 'interview-recorder/manifest@1',
        recording: { id: recordingId, mediaDurationMs: output.durationMs },
        objects: [{ role: 'recording', key: progress.key, size: output.size, sha256: output.sha256 }],
        chapters: [{ startMs: 0, endMs: 3000 }],
      });
      expect(manifest.events.map((event) => event.kind)).toEqual(['question.start', 'question.end']);

      const streamJob = listUploadJobs(db(core), { recordingId }).find((job) => job.kind === 'stream')!;
      expect(streamJob.state).toBe('done');
      expect(await objectExists(s3, streamJob.objectKey)).toBe(false);
    },
  );

  it(
    'a recording delivered as recorded (no single file could be made) uploads its segment files, verified, and keeps them',
    { timeout: 90_000 },
    async () => {
      const s3 = await localS3();
      const core = createTestCore(tempDir(), {}, s3Settings(s3));
      const [take1, take2] = [await recordChunks('h264-webm', 3), await recordChunks('h264-webm', 2)];
      const recordingId = await recordSession(core, [take1, take2]);
      const brokenFfmpeg = { ...requireFfmpegTools(), ffmpeg: '/bin/false' };
      const finalized = await finalizeRecording(
        { db: db(core), run: core.run!, tools: () => brokenFfmpeg, freeBytes: () => null },
        recordingId,
      );
      expect(finalized.error).toMatch(/delivered as recorded, 2 file\(s\)/);

      const progress = await core.uploads!.uploadRecording(recordingId);
      const detail = getRecordingDetail(db(core), recordingId)!;
      expect(detail.state).toBe('uploaded');
      const streams = listUploadJobs(db(core), { recordingId })
        .filter((job) => job.kind === 'stream')
        .sort((a, b) => a.segmentSeq! - b.segmentSeq!);
      expect(streams.map((job) => job.state)).toEqual(['done', 'done']);
      for (const [seq, job] of streams.entries()) {
        expect(await objectDigest(s3, job.objectKey)).toEqual({ sha256: detail.outputs[seq]!.sha256, size: detail.outputs[seq]!.size });
      }
      const manifestKey = listUploadJobs(db(core), { recordingId }).find((job) => job.kind === 'manifest')!.objectKey;
      const manifest = JSON.parse(Buffer.from(await objectBytes(s3, manifestKey)).toString()) as { objects: Array<{ role: string }> };
      expect(manifest.objects.map((object) => object.role)).toEqual(['recorded-stream', 'recorded-stream']);
      expect(progress.state).toBe('uploaded');
    },
  );

  it('fails fast, in words, on a bucket that does not exist, and keeps every local file', async () => {
    const s3 = await localS3();
    const dir = tempDir();
    const file = `${dir}/exported.webm`;
    fs.writeFileSync(file, randomBytes(1000));
    const core = createTestCore(dir, {}, s3Settings(s3, s3.endpoint, { 's3.bucket': 'no-such-bucket' }));
    await expect(core.uploads!.uploadFile(file)).rejects.toThrow(
      /Bucket "no-such-bucket" does not exist at http:\/\/127\.0\.0\.1:\d+\. Check s3\.bucket/,
    );
    expect(core.uploads!.jobs()[0]).toMatchObject({ state: 'failed', lastError: expect.stringContaining('no-such-bucket') });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('retries 500, 503, SlowDown and a 200 with an error inside, and fails fast on AccessDenied', { timeout: 60_000 }, async () => {
    const s3 = await localS3();
    const proxy = await startFaultProxy({ target: s3.endpoint });
    const dir = tempDir();
    const file = `${dir}/file.bin`;
    const bytes = randomBytes(11 * MiB);
    fs.writeFileSync(file, bytes);
    const core = createTestCore(dir, {}, s3Settings(s3, proxy.url));
    const isPart = (method: string, url: string) => method === 'PUT' && url.includes('partNumber=');
    proxy.failNext(1, 500, 'InternalError', isPart);
    proxy.failNext(1, 503, 'SlowDown', isPart);
    const isComplete = (method: string, url: string) => method === 'POST' && url.includes('uploadId=');
    proxy.failNext(1, 503, 'ServiceUnavailable', isComplete);
    proxy.failNext(1, 200, 'InternalError', isComplete); // S3 may report a failed completion as 200 with <Error>
    const job = await core.uploads!.uploadFile(file, 'retried.bin');
    expect(job.state).toBe('done');
    expect(proxy.requests().filter((r) => r.outcome === 'injected-error')).toHaveLength(4);
    // Each failure was retried in place: one multipart upload, its completion asked three times.
    expect(proxy.requests().filter((r) => r.method === 'POST' && r.url.includes('?uploads'))).toHaveLength(1);
    expect(proxy.requests().filter((r) => isComplete(r.method, r.url))).toHaveLength(3);
    expect(await objectDigest(s3, 'retried.bin')).toEqual({ sha256: sha256Of(bytes), size: bytes.length });

    proxy.failNext(1, 403, 'AccessDenied');
    await expect(core.uploads!.uploadFile(file, 'denied.bin')).rejects.toThrow(
      /S3 denied access to bucket "interview-recordings" \(AccessDenied\)/,
    );
  });
});
