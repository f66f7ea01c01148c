import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../src/core/create-core';
import { insertInterview } from '../src/core/services/catalog/queries/interviews';
import { listUploadJobs } from '../src/core/services/catalog/queries/uploads';
import { MIN_PART_SIZE } from '../src/core/services/upload/part-plan';
import { startFaultProxy, type FaultProxy } from '../test/support/fault-proxy';
import { s3Settings } from '../test/support/local-s3-settings';
import { randomFile } from '../test/support/random-file';
import { testPaths } from '../test/support/test-paths';
import { startLocalS3, type LocalS3 } from '../tools/lib/local-s3.mjs';
import type { Figure } from './report';

const MiB = 1024 * 1024;
const LINK_CAP = 12_500_000; // 100 Mbit/s through the proxy for the throughput figure
const THROUGHPUT_FILE = 192 * MiB;
const RECORDING_BPS = 2_500_000 + 128_000; // the default video + audio bitrates
const RECORDING_SECONDS = 60 * 60;
const REAL_TIME_SECONDS = 60; // the last minute is recorded at real pace over the capped link

function benchCore(root: string, s3: LocalS3, proxy: FaultProxy): Core {
  return createCore({
    runtime: 'node',
    version: 'bench',
    paths: testPaths(root),
    env: { PATH: process.env.PATH },
    flags: { set: s3Settings(s3, proxy.url) },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('benchmark step timed out');
    await sleep(50);
  }
}

/** Upload of a file through a proxy capped at 100 Mbit/s, default 8 MiB parts, 4 at a time. */
async function throughput(root: string, s3: LocalS3, proxy: FaultProxy): Promise<Figure> {
  const { file } = randomFile(root, THROUGHPUT_FILE);
  const core = benchCore(path.join(root, 'throughput'), s3, proxy);
  proxy.capBandwidth(LINK_CAP);
  try {
    const started = performance.now();
    await core.uploads!.uploadFile(file, 'bench/throughput.bin');
    const seconds = (performance.now() - started) / 1000;
    const rate = THROUGHPUT_FILE / seconds;
    return {
      name: 'upload throughput / bandwidth cap (8 MiB parts)',
      value: (rate / LINK_CAP) * 100,
      unit: '%',
      goal: 90,
      direction: 'min',
      note: `${(THROUGHPUT_FILE / MiB).toFixed(0)} MiB in ${seconds.toFixed(1)} s = ${((rate * 8) / 1e6).toFixed(1)} Mbit/s through a ${(LINK_CAP * 8) / 1e6} Mbit/s cap, counting create, complete and verify`,
    };
  } finally {
    proxy.capBandwidth(null);
    await core.close();
  }
}

/**
 * A 60-minute recording at the default bitrate streamed progressively: the first 59 minutes are appended at
 * full speed (their upload keeps up on loopback), the last minute in real time over a link of twice the
 * bitrate. The total is chosen so that the unsent tail at stop is the worst case (one byte short of a part).
 */
async function stopToDurable(root: string, s3: LocalS3, proxy: FaultProxy): Promise<Figure[]> {
  const core = benchCore(path.join(root, 'progressive'), s3, proxy);
  const db = core.catalog.ok ? core.catalog.catalog.db : null;
  if (!db || !core.recording) throw new Error('no catalog');
  const chunk = RECORDING_BPS / 8;
  const nominal = RECORDING_SECONDS * chunk;
  const total = Math.floor(nominal / MIN_PART_SIZE) * MIN_PART_SIZE + MIN_PART_SIZE - 1;
  const realTimeBytes = REAL_TIME_SECONDS * chunk;
  try {
    insertInterview(db, { id: 'bench-interview', title: 'Benchmark', createdAt: new Date().toISOString() });
    const { recordingId } = await core.recording.start({ interviewId: 'bench-interview', mimeType: 'video/webm' });
    const block = randomBytes(16 * MiB);
    let index = 0;
    let written = 0;
    const append = async (bytes: Uint8Array) => {
      await core.recording!.appendChunk({ recordingId, segment: 0, index: index++, bytes, mediaEndMs: (written / chunk) * 1000 });
      written += bytes.byteLength;
    };
    console.log(`  fast-forwarding ${((total - realTimeBytes) / 1e9).toFixed(2)} GB of recording (upload follows on loopback)…`);
    while (written < total - realTimeBytes) await append(block.subarray(0, Math.min(block.length, total - realTimeBytes - written)));
    const jobs = () => listUploadJobs(db, { recordingId });
    const confirmed = () => jobs().reduce((sum, job) => sum + job.bytesConfirmed, 0);
    await until(() => confirmed() >= Math.floor(written / MIN_PART_SIZE) * MIN_PART_SIZE, 600_000);

    proxy.capBandwidth((2 * RECORDING_BPS) / 8);
    console.log(`  recording the last ${REAL_TIME_SECONDS} s in real time over a ${((2 * RECORDING_BPS) / 1e6).toFixed(2)} Mbit/s link…`);
    const startedAt = performance.now();
    for (let second = 1; written < total; second++) {
      await append(randomBytes(Math.min(Math.round(chunk), total - written)));
      await sleep(Math.max(0, startedAt + second * 1000 - performance.now()));
    }
    const tail = written - confirmed();
    const stoppedAt = performance.now();
    await core.recording.stop({ recordingId, durationMs: RECORDING_SECONDS * 1000 });
    await until(() => confirmed() === total, 120_000);
    const allBytes = (performance.now() - stoppedAt) / 1000;
    await until(() => jobs().every((job) => job.state === 'done'), 120_000);
    const seconds = (performance.now() - stoppedAt) / 1000;
    const afterStop = total / (10e6 / 8);
    return [
      {
        name: 'stop → every byte confirmed by S3 (60 min, link 2× bitrate)',
        value: allBytes,
        unit: 's',
        goal: 10,
        direction: 'max',
        note: `${(total / 1e9).toFixed(2)} GB recording, ${(tail / MiB).toFixed(2)} MiB unsent at stop (worst case: one byte short of a 5 MiB part)`,
      },
      {
        name: 'stop → last piece completed and verified in S3',
        value: seconds,
        unit: 's',
        goal: 10,
        direction: 'max',
        note: `${jobs().length} stream pieces, all verified; uploading the whole recording after stop at 10 Mbit/s would take ${(afterStop / 60).toFixed(1)} min`,
      },
    ];
  } finally {
    proxy.capBandwidth(null);
    await core.close();
  }
}

export async function uploadBench(): Promise<Figure[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-bench-upload-'));
  const s3 = await startLocalS3({ directory: path.join(root, 's3') });
  const proxy = await startFaultProxy({ target: s3.endpoint });
  try {
    return [await throughput(root, s3, proxy), ...(await stopToDurable(root, s3, proxy))];
  } finally {
    await proxy.close();
    await s3.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
