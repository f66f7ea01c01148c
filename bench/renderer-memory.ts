import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';

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

export interface RendererMemory {
  /** Growth (bytes) from the first sample to the last along the fitted line. */
  trend: number;
  /** The fitted line's slope, bytes per second. */
  bytesPerSecond: number;
  /** The last sample (bytes). */
  end: number;
  samples: number;
}

/**
 * Samples the renderers' memory every 30 s (from 30 s in) until `finished`: PSS swings by tens of MB between
 * samples, so a line fitted through them shows the trend. (No forced GC: a full collection drops frames.)
 */
export async function sampleRendererMemory(browser: Browser, finished: Promise<unknown>): Promise<RendererMemory> {
  const cdp = await browser.newBrowserCDPSession();
  const renderers = async () =>
    ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ id: number; type: string }> }).processInfo.filter(
      (p) => p.type === 'renderer',
    );
  const samplePss = async () => (await renderers()).reduce((sum, p) => sum + pssOf(p.id), 0);
  let done = false;
  const end = () => (done = true);
  void finished.then(end, end);
  const wait = (ms: number) => Promise.race([finished, new Promise((resolve) => setTimeout(resolve, ms))]);
  const startedAt = performance.now();
  await wait(30_000);
  const samples: Array<[number, number]> = [];
  while (!done || samples.length === 0) {
    // At the real elapsed time: the last sample, taken when `finished` settles, is rarely 30 s after the one before.
    samples.push([(performance.now() - startedAt) / 1000, await samplePss()]);
    if (!done) await wait(30_000);
  }
  await cdp.detach();
  const bytesPerSecond = slope(samples);
  return {
    trend: bytesPerSecond * (samples.at(-1)![0] - samples[0]![0]),
    bytesPerSecond,
    end: samples.at(-1)![1],
    samples: samples.length,
  };
}
