import fs from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { RECORDER_CHUNKS_PER_API_CHUNK } from '../../src/core/services/backends/media-api/stream-plan';
import { listOutbox } from '../../src/core/services/catalog/queries/outbox';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { catalogOf, seedLinkedInterview } from '../support/cloud-interview';
import { keyOfUrl } from '../support/backend-failure';
import { devBackend, received } from '../support/dev-backend';
import { startFaultProxy } from '../support/fault-proxy';
import { objectBytes, sha256Of } from '../support/local-s3';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

/** API chunk indexes 0…n-1. */
const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
/** How many API chunks `recorderChunks` one-second chunks make while recording, and once their segment ended. */
const whileRecording = (recorderChunks: number) => indexes(Math.floor(recorderChunks / RECORDER_CHUNKS_PER_API_CHUNK));
const whenComplete = (recorderChunks: number) => indexes(Math.ceil(recorderChunks / RECORDER_CHUNKS_PER_API_CHUNK));

/** A core whose only destination is the Media Recording API at `url`, with its outbox running. */
function mediaCore(root: string, url: string): Core {
  const core = createTestCore(root, {}, [`backends.mediaApi.baseUrl=${url}`, 'backends.mediaApi.site=localhost']);
  core.cloud!.start();
  return core;
}

async function append(core: Core, recordingId: string, segment: number, chunks: RecordedChunks, from = 0, to = chunks.chunks.length) {
  for (let index = from; index < to; index++) {
    const ack = await core.recording!.appendChunk({
      recordingId,
      segment,
      index,
      bytes: new Uint8Array(chunks.chunks[index]!),
      mediaEndMs: (index + 1) * 1000,
    });
    expect(ack.index).toBe(index);
  }
}

/** The chunk indexes the API stored for a session, in arrival order (refused and reset requests left out). */
const storedChunks = (backend: Parameters<typeof received>[0], sessionId: string) =>
  received(backend, 'POST', '/api/media/recording/chunk')
    .filter((r) => r.status === 200 && (r.body as { sessionId: string }).sessionId === sessionId)
    .map((r) => Number((r.body as { chunkIndex: string }).chunkIndex));

const mediaSessions = (core: Core, recordingId: string) => core.cloud!.sessions({ recordingId }).filter((s) => s.backend === 'media');

async function videoDigest(test: Awaited<ReturnType<typeof devBackend>>, url: string) {
  return sha256Of(await objectBytes(test.s3, keyOfUrl(url, test.s3.bucket)));
}

describe('streaming a recording to the Media Recording API while it is recorded', () => {
  it(
    'inits at start, sends chunks of a few seconds before the stop, one session per segment (a retake), finalizes each with every chunk acknowledged, and the videos are the segments',
    { timeout: 120_000 },
    async () => {
      const test = await devBackend({ mediaProcessingMs: 100 });
      const core = mediaCore(tempDir(), test.backend.mediaApiUrl);
      const [first, retake] = await Promise.all([recordChunks('h264-webm', 12), recordChunks('h264-webm', 11)]);
      const interviewId = seedLinkedInterview(core, {});
      const { recordingId } = await core.recording!.start({ interviewId, mimeType: first.mimeType });
      const [main, second] = [`irec-${recordingId}`, `irec-${recordingId}-s1`];

      // Init at recording start, before any chunk exists.
      await expect
        .poll(() => received(test.backend, 'POST', '/api/media/recording/init').map((r) => r.status), { timeout: 10_000 })
        .toEqual([200]);
      expect(received(test.backend, 'POST', '/api/media/recording/init')[0]!.body).toMatchObject({
        sessionId: main,
        site: 'localhost',
        videoSettings: { format: 'webm' },
        metadata: { recordingId, segment: '0' },
      });

      await append(core, recordingId, 0, first);
      // A few one-second chunks make an API chunk: they arrive while the interview goes on.
      await expect.poll(() => storedChunks(test.backend, main), { timeout: 10_000 }).toEqual(whileRecording(12));
      expect(whileRecording(12).length).toBeGreaterThan(0);
      expect(received(test.backend, 'POST', '/api/media/recording/chunk')[0]!.body).toMatchObject({ chunk: { filename: 'chunk_0.webm' } });

      // A retake starts a new container: its own session; the finished one is completed at once.
      await core.recording!.startSegment({ recordingId });
      await expect.poll(() => storedChunks(test.backend, main), { timeout: 10_000 }).toEqual(whenComplete(12));
      await expect.poll(() => received(test.backend, 'POST', '/api/media/recording/finalize-async').length, { timeout: 10_000 }).toBe(1);
      await append(core, recordingId, 1, retake);
      await expect.poll(() => storedChunks(test.backend, second), { timeout: 10_000 }).toEqual(whileRecording(11));
      const beforeStop = new Date().toISOString();
      await core.recording!.stop({ recordingId, durationMs: 23_000 });

      await expect.poll(() => mediaSessions(core, recordingId).map((s) => s.state), { timeout: 30_000 }).toEqual(['done', 'done']);
      expect(storedChunks(test.backend, main)).toEqual(whenComplete(12));
      expect(storedChunks(test.backend, second)).toEqual(whenComplete(11));
      const finalizes = received(test.backend, 'POST', '/api/media/recording/finalize-async');
      // Each finalize was accepted at the first try: every chunk had been acknowledged.
      expect(finalizes.map((r) => [r.status, r.body])).toEqual([
        [
          202,
          {
            sessionId: main,
            totalChunks: whenComplete(12).length,
            totalSize: first.chunks.reduce((n, c) => n + c.length, 0),
            maxWaitSeconds: 30,
          },
        ],
        [
          202,
          {
            sessionId: second,
            totalChunks: whenComplete(11).length,
            totalSize: retake.chunks.reduce((n, c) => n + c.length, 0),
            maxWaitSeconds: 30,
          },
        ],
      ]);
      expect(finalizes[0]!.at < beforeStop && finalizes[1]!.at >= beforeStop).toBe(true);

      const segments = getRecordingDetail(catalogOf(core), recordingId)!.segments;
      for (const [seq, remoteId] of [main, second].entries()) {
        const session = mediaSessions(core, recordingId).find((s) => s.apiSessionId === remoteId)!;
        expect(session).toMatchObject({ bytesSent: segments[seq]!.bytes, bytesTotal: segments[seq]!.bytes, error: null });
        expect(await videoDigest(test, session.recordingUrl!)).toBe(sha256Of(fs.readFileSync(segments[seq]!.filePath)));
      }
      expect(listOutbox(catalogOf(core))).toEqual([]);
    },
  );

  it(
    'catches up after an offline period while the interview goes on, asking the API what it holds first',
    { timeout: 120_000 },
    async () => {
      const test = await devBackend({ mediaProcessingMs: 100 });
      const proxy = await startFaultProxy({ target: test.backend.url });
      onTestFinished(() => proxy.close());
      const chunks = await recordChunks('h264-webm', 20);
      const core = mediaCore(tempDir(), `${proxy.url}/api/media`);
      const { recordingId } = await core.recording!.start({ interviewId: seedLinkedInterview(core, {}), mimeType: chunks.mimeType });
      const sessionId = `irec-${recordingId}`;
      await append(core, recordingId, 0, chunks, 0, 6);
      await expect.poll(() => storedChunks(test.backend, sessionId), { timeout: 10_000 }).toEqual(whileRecording(6));

      proxy.down();
      await append(core, recordingId, 0, chunks, 6, 16);
      await expect
        .poll(() => mediaSessions(core, recordingId)[0]?.pending?.lastError ?? '', { timeout: 20_000 })
        .toMatch(/Could not reach/);
      const statusBefore = received(test.backend, 'GET', `/api/media/session/${sessionId}/chunks/status`).length;
      proxy.up();
      // The next durable chunks make the stream due at once: it asks what arrived, then sends the rest, once each.
      await append(core, recordingId, 0, chunks, 16, 20);
      await expect.poll(() => storedChunks(test.backend, sessionId), { timeout: 20_000 }).toEqual(whileRecording(20));
      expect(received(test.backend, 'GET', `/api/media/session/${sessionId}/chunks/status`).length).toBeGreaterThan(statusBefore);
      await core.recording!.stop({ recordingId, durationMs: 20_000 });
      await expect.poll(() => mediaSessions(core, recordingId)[0]?.state, { timeout: 30_000 }).toBe('done');
      expect(storedChunks(test.backend, sessionId)).toEqual(whenComplete(20));
      const segment = getRecordingDetail(catalogOf(core), recordingId)!.segments[0]!;
      expect(await videoDigest(test, mediaSessions(core, recordingId)[0]!.recordingUrl!)).toBe(sha256Of(fs.readFileSync(segment.filePath)));
    },
  );

  it(
    'keeps recording through an offline period and a restart, then resumes from the API’s chunk status without sending an acknowledged chunk again',
    { timeout: 120_000 },
    async () => {
      const test = await devBackend();
      const proxy = await startFaultProxy({ target: test.backend.url });
      onTestFinished(() => proxy.close());
      const root = tempDir();
      const chunks = await recordChunks('h264-webm', 24);
      const url = `${proxy.url}/api/media`;

      const first = mediaCore(root, url);
      const interviewId = seedLinkedInterview(first, {});
      const { recordingId } = await first.recording!.start({ interviewId, mimeType: chunks.mimeType });
      const sessionId = `irec-${recordingId}`;
      await append(first, recordingId, 0, chunks, 0, 12);
      await expect.poll(() => storedChunks(test.backend, sessionId), { timeout: 10_000 }).toEqual(whileRecording(12));

      // Offline: the recording goes on and every chunk is acknowledged locally; the API chunk waits, retried.
      proxy.down();
      await append(first, recordingId, 0, chunks, 12, 22);
      await expect.poll(() => mediaSessions(first, recordingId)[0]?.pending?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(mediaSessions(first, recordingId)[0]!.pending!.lastError).toMatch(/Could not reach/);
      expect(storedChunks(test.backend, sessionId)).toEqual(whileRecording(12));
      await first.close();
      // As if the app died after the API stored those chunks but before their answers were written down.
      const peek = createTestCore(root);
      catalogOf(peek).prepare('UPDATE media_stream_chunks SET acked_at = NULL').run();
      await peek.close();

      proxy.up();
      const second = mediaCore(root, url);
      const [report] = await second.recover({ submitPaused: true }); // the interrupted interview, sent as it is
      expect(report).toMatchObject({ recordingId, outcome: 'finalized' });
      await expect.poll(() => mediaSessions(second, recordingId)[0]?.state, { timeout: 30_000 }).toBe('done');

      // Asked what the API holds, then sent only the rest: each chunk reached the API exactly once.
      expect(received(test.backend, 'GET', `/api/media/session/${sessionId}/chunks/status`).length).toBeGreaterThan(0);
      expect(storedChunks(test.backend, sessionId)).toEqual(whenComplete(22));
      expect(
        received(test.backend, 'POST', '/api/media/recording/finalize-async').map((r) => (r.body as { totalChunks: number }).totalChunks),
      ).toEqual([whenComplete(22).length]);
      const segment = getRecordingDetail(catalogOf(second), recordingId)!.segments[0]!;
      expect(segment.chunkCount).toBe(22);
      const session = mediaSessions(second, recordingId)[0]!;
      expect(await videoDigest(test, session.recordingUrl!)).toBe(sha256Of(fs.readFileSync(segment.filePath)));
      expect(listOutbox(catalogOf(second))).toEqual([]);
    },
  );
});
