import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { recorderOptionsFor } from '../src/renderer/features/recorder/codec';
import { projectRoot } from '../test/support/built';

// A secure context (getUserMedia needs one) served by Playwright itself: no server to start or stop.
const PAGE_URL = 'http://localhost/irec-plain-recorder';
const PAGE_FILE = path.join(projectRoot, 'bench', 'plain-recorder.html');
// What the app asks for (src/renderer/features/devices/device-choice.ts, constraintsFor).
const CONSTRAINTS = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
};

export interface PlainRecording {
  seconds: number;
  mimeType: string;
  videoBitsPerSecond: number;
  audioBitsPerSecond: number;
}

/**
 * Records the raw camera and microphone with a plain MediaRecorder in a page of `browser` (the same Chromium
 * and fake devices as the app) into `file`: what the machine can do without our compositor.
 */
export async function recordPlain(browser: Browser, file: string, recording: PlainRecording): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html', body: fs.readFileSync(PAGE_FILE, 'utf8') }));
    await page.exposeFunction('irecChunk', (base64: string) => fs.appendFileSync(file, Buffer.from(base64, 'base64')));
    await page.goto(PAGE_URL);
    const { seconds, mimeType, videoBitsPerSecond, audioBitsPerSecond } = recording;
    const options = { videoBitsPerSecond, audioBitsPerSecond, ...recorderOptionsFor(mimeType) };
    await page.evaluate((args) => (globalThis as unknown as { recordPlain(a: typeof args): Promise<void> }).recordPlain(args), {
      seconds,
      constraints: CONSTRAINTS,
      mimeType,
      options,
    });
  } finally {
    await page.close();
  }
}
