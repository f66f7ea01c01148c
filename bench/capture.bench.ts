import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openCatalog } from '../src/main/services/catalog/open-catalog';
import { insertInterview } from '../src/main/services/catalog/queries/interviews';
import { createRecordingService } from '../src/main/services/recording/recording-service';
import { nodeSegmentFiles } from '../src/main/services/recording/segment-files';
import { beginInterview } from '../test/support/candidate-flow';
import { launchChromium } from '../test/support/chromium';
import { CAMERA_FPS, fakeDeviceArgs, makeFakeMedia } from '../test/support/fake-devices';
import { probeVideo } from '../test/support/media-analysis';
import { startApp } from '../test/support/start-app';
import { testEnv, testPaths } from '../test/support/test-core';
import { percentile, type Figure } from './report';

const CHUNK_BYTES = Math.round((2_500_000 + 128_000) / 8); // one second at the default bitrates

/** Append + fdatasync + catalog row, back to back, at the real chunk size, through the production service. */
async function flushLatency(dir: string): Promise<number[]> {
  const { db } = openCatalog(path.join(dir, 'catalog.sqlite'));
  insertInterview(db, { id: 'i', title: 'bench', createdAt: new Date().toISOString() });
  const service = createRecordingService({
    db,
    runId: 'bench',
    recordingsDir: path.join(dir, 'rec'),
    files: nodeSegmentFiles,
    freeBytes: () => null,
    minFreeBytes: 0,
  });
  const { recordingId } = await service.start({ interviewId: 'i', mimeType: 'video/webm' });
  const bytes = new Uint8Array(CHUNK_BYTES).map((_, i) => i % 251);
  const latencies: number[] = [];
  for (let index = 0; index < 300; index++) {
    const t0 = performance.now();
    await service.appendChunk({ recordingId, segment: 0, index, bytes });
    latencies.push(performance.now() - t0);
  }
  await service.stop({ recordingId, durationMs: 300_000 });
  db.close();
  return latencies.sort((a, b) => a - b);
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** Proportional set size: shared pages split among the processes sharing them, so renderers are not overcounted. */
const pssOf = (pid: number) => Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;

/**
 * A real recording through the browser host in Debian's Chromium with fake 720p30 devices: frames in the file
 * against what the camera delivered, and the page's renderer memory from 30 s in to the end.
 */
async function recordFor(seconds: number, dir: string) {
  const media = await makeFakeMedia(dir);
  const script = path.join(dir, 'bench.json');
  fs.writeFileSync(
    script,
    JSON.stringify({
      id: 'bench',
      title: 'Bench',
      candidateName: 'Bench',
      questions: [{ text: 'Talk.', audio: 'question.wav', thinkSeconds: 0, answerSeconds: seconds }],
    }),
  );
  const app = await startApp(testEnv(dir), ['--no-open', '--port', '0', '--script', script]);
  const browser = await launchChromium(fakeDeviceArgs(media));
  try {
    const page = await browser.newPage();
    await beginInterview(page, app.url);
    const cdp = await browser.newBrowserCDPSession();
    const renderers = async () =>
      ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ id: number; type: string }> }).processInfo.filter(
        (p) => p.type === 'renderer',
      );
    const samplePss = async () => (await renderers()).reduce((sum, p) => sum + pssOf(p.id), 0);
    // PSS swings by tens of MB between samples; a line fitted through one sample every 30 s shows the trend.
    // (No forced GC here: a full collection stalls the page long enough to drop frames.)
    await page.waitForTimeout(30_000);
    const samples: Array<[number, number]> = [];
    const finished = page.getByText('Thank you — your interview is recorded').waitFor({ timeout: (seconds + 120) * 1000 });
    let done = false;
    void finished.then(() => (done = true));
    for (let t = 30; !done; t += 30) {
      samples.push([t, await samplePss()]);
      await Promise.race([finished, page.waitForTimeout(30_000)]);
    }
    await finished;
    const trend = slope(samples) * (samples.at(-1)![0] - samples[0]![0]);
    const db = new Database(path.join(testPaths(dir).userDataDir, 'catalog.sqlite'), { readonly: true });
    const file = (db.prepare('SELECT file_path FROM segments').get() as { file_path: string }).file_path;
    db.close();
    const probe = await probeVideo(file);
    return { probe, trend, end: samples.at(-1)![1], samples: samples.length };
  } finally {
    await browser.close();
    app.process.kill('SIGTERM');
  }
}

export async function captureBench(seconds: number): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-bench-capture-'));
  try {
    const latencies = await flushLatency(dir);
    const { probe, trend, end, samples } = await recordFor(seconds, dir);
    const expected = probe.durationSec * CAMERA_FPS;
    const dropped = Math.max(0, (1 - probe.frameCount / expected) * 100);
    return [
      {
        name: 'dropped frames at 720p30',
        value: dropped,
        unit: '%',
        goal: 0.5,
        direction: 'max',
        note: `${probe.frameCount} frames in ${probe.durationSec.toFixed(1)} s (${probe.width}×${probe.height} ${probe.codec}); camera delivers ${CAMERA_FPS} fps`,
      },
      { name: 'chunk append+flush p50', value: percentile(latencies, 50), unit: 'ms', goal: 50, direction: 'max' },
      {
        name: 'chunk append+flush p99',
        value: percentile(latencies, 99),
        unit: 'ms',
        goal: 50,
        direction: 'max',
        note: `${latencies.length} chunks of ${(CHUNK_BYTES / 1024).toFixed(0)} KiB: write + fdatasync + catalog row`,
      },
      {
        name: `renderer memory growth over ${Math.round(seconds / 60)} min`,
        value: trend / 1e6,
        unit: 'MB',
        goal: 50,
        direction: 'max',
        note: `trend of renderer PSS fitted through ${samples} samples from 30 s on; ${(end / 1e6).toFixed(0)} MB at the end`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
