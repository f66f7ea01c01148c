import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src/core/create-core';
import { createMediaClient } from '../src/core/services/backends/media-api/media-client';
import { uploadToMediaApi } from '../src/core/services/backends/media-api/media-upload';
import { RECORDER_CHUNKS_PER_API_CHUNK } from '../src/core/services/backends/media-api/stream-plan';
import { insertInterview } from '../src/core/services/catalog/queries/interviews';
import { getRecordingDetail } from '../src/core/services/catalog/queries/recordings';
import { startFaultProxy, type FaultProxy } from '../test/support/fault-proxy';
import { testPaths } from '../test/support/test-paths';
import { startDevBackend, type DevBackend } from '../tools/dev-backend';
import { startLocalS3 } from '../tools/lib/local-s3.mjs';
import type { Figure } from './report';

const RECORDING_BPS = 2_500_000 + 128_000; // the default video + audio bitrates
const CHUNK_BYTES = Math.round(RECORDING_BPS / 8); // one MediaRecorder chunk per second
const LINK_BYTES_PER_SECOND = (2 * RECORDING_BPS) / 8;
const SITE = 'localhost';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error('benchmark step timed out');
    await sleep(20);
  }
}

/** When the backend accepted a finalize-async for this session (every chunk was there, or it would refuse). */
const finalizeAccepted = (backend: DevBackend, sessionId: string) =>
  backend
    .requests()
    .find(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith('/recording/finalize-async') &&
        r.status === 202 &&
        (r.body as { sessionId?: string }).sessionId === sessionId,
    );

const storedChunks = (backend: DevBackend, sessionId: string) =>
  backend
    .requests()
    .filter((r) => r.path.endsWith('/recording/chunk') && r.status === 200 && (r.body as { sessionId?: string }).sessionId === sessionId)
    .length;

/**
 * A recording of `seconds` one-second chunks made in real time while the Media API is fed through a link of
 * twice the bitrate; then stop. Returns the seconds from stop to the accepted finalize, and the segment file.
 */
async function streamWhileRecording(root: string, backend: DevBackend, proxy: FaultProxy, seconds: number) {
  const core: Core = createCore({
    runtime: 'node',
    version: 'bench',
    paths: testPaths(root),
    env: { PATH: process.env.PATH },
    flags: { set: [`backends.mediaApi.baseUrl=${proxy.url}/api/media`, `backends.mediaApi.site=${SITE}`] },
  });
  const db = core.catalog.ok ? core.catalog.catalog.db : null;
  if (!db || !core.recording || !core.cloud) throw new Error('no catalog');
  try {
    core.cloud.start();
    insertInterview(db, { id: 'bench-interview', title: 'Benchmark', createdAt: new Date().toISOString() });
    const { recordingId } = await core.recording.start({ interviewId: 'bench-interview', mimeType: 'video/webm;codecs=avc1,opus' });
    console.log(
      `  recording ${seconds} s in real time, fed to the Media API over a ${((2 * RECORDING_BPS) / 1e6).toFixed(2)} Mbit/s link…`,
    );
    const startedAt = performance.now();
    for (let index = 0; index < seconds; index++) {
      await sleep(Math.max(0, startedAt + (index + 1) * 1000 - performance.now()));
      await core.recording.appendChunk({ recordingId, segment: 0, index, bytes: randomBytes(CHUNK_BYTES), mediaEndMs: (index + 1) * 1000 });
    }
    const sessionId = `irec-${recordingId}`;
    const sentBeforeStop = storedChunks(backend, sessionId);
    const stoppedAt = Date.now();
    await core.recording.stop({ recordingId, durationMs: seconds * 1000 });
    const accepted = await until(() => finalizeAccepted(backend, sessionId), 600_000);
    const totalChunks = (accepted.body as { totalChunks: number }).totalChunks;
    return {
      stopToFinalize: (Date.parse(accepted.at) - stoppedAt) / 1000,
      sentBeforeStop,
      totalChunks,
      file: getRecordingDetail(db, recordingId)!.segments[0]!.filePath,
    };
  } finally {
    await core.close();
  }
}

/** Today's path for comparison: the finished file sent after stop (5 MiB chunks, as `chunkMb`), then finalized. */
async function sendFinishedFile(backend: DevBackend, proxy: FaultProxy, file: string): Promise<number> {
  const sessionId = 'bench-whole-file';
  const size = fs.statSync(file).size;
  const quit = new AbortController();
  const startedAt = Date.now();
  const upload = uploadToMediaApi({
    client: createMediaClient(`${proxy.url}/api/media`),
    sessionId,
    initialized: false,
    file: { path: file, size, durationMs: null, format: 'webm', contentType: 'video/webm' },
    chunkBytes: 5 * 1024 * 1024,
    site: SITE,
    finalize: 'async',
    onInitialized: () => undefined,
    onProgress: () => undefined,
    signal: quit.signal,
  }).catch(() => undefined);
  const accepted = await until(() => finalizeAccepted(backend, sessionId), 3_600_000);
  quit.abort(); // the merge itself is the backend's time, the same on both paths
  await upload;
  return (Date.parse(accepted.at) - startedAt) / 1000;
}

/** `npm run bench -- media`; IREC_BENCH_MEDIA_SECONDS shortens the recording (default 600 s, the issue's ten minutes). */
export async function mediaBench(wanted = Number(process.env.IREC_BENCH_MEDIA_SECONDS ?? 600)): Promise<Figure[]> {
  // A whole number of API chunks: the last one closes with the last second, so the stop waits for all of it.
  const seconds = Math.max(1, Math.round(wanted / RECORDER_CHUNKS_PER_API_CHUNK)) * RECORDER_CHUNKS_PER_API_CHUNK;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-bench-media-'));
  const s3 = await startLocalS3({ directory: path.join(root, 's3') });
  const backend = await startDevBackend({
    dataDir: path.join(root, 'backend'),
    // The merge never starts within the run: only the upload up to the accepted finalize is measured.
    mediaProcessingMs: 24 * 3_600_000,
    s3: s3.connection,
  });
  const proxy = await startFaultProxy({ target: backend.url });
  proxy.capBandwidth(LINK_BYTES_PER_SECOND);
  try {
    const streamed = await streamWhileRecording(path.join(root, 'app'), backend, proxy, seconds);
    console.log('  sending the same recording as a finished file after stop, over the same link…');
    const wholeFile = await sendFinishedFile(backend, proxy, streamed.file);
    const mb = (fs.statSync(streamed.file).size / 1e6).toFixed(0);
    return [
      {
        name: `stop → Media API finalize accepted, every chunk acknowledged (${seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`}, link 2× bitrate)`,
        value: streamed.stopToFinalize,
        unit: 's',
        goal: 5,
        direction: 'max',
        note: `${mb} MB in ${streamed.totalChunks} API chunks, ${streamed.sentBeforeStop} of them stored before the stop`,
      },
      {
        name: 'before: stop → finalize accepted, the finished file sent after stop',
        value: wholeFile,
        unit: 's',
        goal: null,
        direction: 'max',
        note: `the same ${mb} MB in 5 MiB chunks over the same link (finalize and remux time not counted)`,
      },
    ];
  } finally {
    await proxy.close();
    await backend.close();
    await s3.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
