// Review playback end to end: the built renderer in the browser host, an interview whose cloud recordings were
// really made by the development backend (Agora's MP4 and HLS, LiveKit's MP3, in a local S3) and whose local
// backup is a finalized MP4. In Chromium the MP4 and the HLS recording play (currentTime advances), choosing a note
// lands within 0.5 s of it, the chapters list the questions, the keyboard works, a LiveKit recording still
// processing says so and turns playable by itself; axe-core finds nothing and the screen is photographed.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { launchChromium } from '../support/chromium';
import { devBackend } from '../support/dev-backend';
import { allowBucketReads, makeMp4, recordOnDevBackend, REVIEW_QUESTIONS, seedReviewInterview } from '../support/review-fixtures';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { createTestCore, testEnv } from '../support/test-core';

const HOST = 'dist/host/main.cjs';
const INTERVIEW = 'int-review-e2e';
const CLOUD_SECONDS = 16;
const NOTE = { text: 'Strong answer about the migration', localMs: 12_000, cloudMs: 9_000 };
const WAIT = { timeout: 60_000, interval: 250 };
/** Installed before the page's scripts: the element says it cannot play HLS, as browsers without it do. */
const HLS_JS_ONLY = `{
  const canPlayType = HTMLMediaElement.prototype.canPlayType;
  HTMLMediaElement.prototype.canPlayType = function (type) { return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type); };
}`;

const video = (page: Page) => page.locator('video.review-video');
const videoState = (page: Page) =>
  video(page).evaluate((v: HTMLVideoElement) => ({
    time: v.currentTime,
    paused: v.paused,
    seeking: v.seeking,
    rate: v.playbackRate,
    engine: v.dataset.engine,
    error: v.error?.code ?? null,
  }));

/** Plays the chosen recording and waits until its time really advances. */
async function expectPlays(page: Page) {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await videoState(page)).time, WAIT).toBeGreaterThan(1);
  const before = (await videoState(page)).time;
  await expect.poll(async () => (await videoState(page)).time, WAIT).toBeGreaterThan(before + 0.5);
}

/** Pauses, chooses the note in the chapter list, and checks where the player landed. */
async function expectSeekToNote(page: Page, atMs: number) {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(NOTE.text) }).click();
  await expect.poll(async () => (await videoState(page)).seeking, WAIT).toBe(false);
  expect(Math.abs((await videoState(page)).time - atMs / 1000)).toBeLessThan(0.5);
}

async function prepare() {
  const root = tempDir('irec-review-e2e-');
  // LiveKit takes 20 s to process: the review screen must show it processing, then refresh by itself.
  const dev = await devBackend({ livekitProcessingMs: 20_000 });
  const env = { ...dev.s3.env, ...dev.backend.env } as Record<string, string>;
  await allowBucketReads(dev.s3);
  const cloud = await recordOnDevBackend(env, {
    scheduleId: 'sched-e2e',
    channel: 'review-e2e',
    room: 'review-e2e-room',
    seconds: CLOUD_SECONDS,
  });
  const core = createTestCore(root, env);
  const localFile = path.join(root, 'backup.mp4');
  await makeMp4(localFile, 20);
  if (!core.catalog.ok) throw new Error('no catalog');
  seedReviewInterview(core.catalog.catalog.db, {
    interviewId: INTERVIEW,
    localId: 'rec-backup',
    localFile,
    localDurationMs: 20_000,
    cloud,
    questionStartsMs: [2000, 7000],
    notes: [{ ...NOTE, questionIndex: 0 }],
  });
  await core.close();
  const app = await startApp(testEnv(root, env), ['--no-open', '--port', '0'], HOST);
  onTestFinished(() => app.stop());
  return { app };
}

describe('review playback in the browser host', () => {
  it(
    'plays the local MP4, the Agora MP4 and HLS, seeks to a note, lists the questions; LiveKit refreshes itself',
    { timeout: 300_000 },
    async () => {
      const { app } = await prepare();
      const browser = await launchChromium();
      onTestFinished(() => browser.close());
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const consoleErrors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      await page.goto(await app.launchUrl());

      await page.getByRole('button', { name: 'Review the recordings of Review test interview' }).click();
      await page.getByRole('heading', { name: 'Review the interview', level: 1 }).waitFor();

      // The local backup is chosen first: through the app's own route, with the chapters track and list.
      await expect.poll(async () => (await videoState(page)).engine, WAIT).toBe('native');
      for (const question of REVIEW_QUESTIONS) await page.getByRole('button', { name: new RegExp(question) }).waitFor();
      await expect
        .poll(() => video(page).evaluate((v: HTMLVideoElement) => [v.textTracks[0]?.kind, v.textTracks[0]?.cues?.length ?? 0]), WAIT)
        .toEqual(['chapters', 3]);
      await expectPlays(page);
      await expectSeekToNote(page, NOTE.localMs);

      // LiveKit: still processing, said so; it is not offered to play yet.
      const livekit = page.getByRole('button', { name: /LiveKit cloud recording/ });
      await expect.poll(() => livekit.textContent(), WAIT).toMatch(/Still processing; checked again in \d+ s/);
      expect(await livekit.isDisabled()).toBe(true);
      const report = await checkScreen(page, 'review');
      expect(report.violations).toEqual([]);
      expect(report.cutOff).toEqual([]);

      // Agora's MP4, at its s3_url: plays; the note lands on the cloud recording's own clock.
      await page.getByRole('button', { name: /Agora cloud recording · MP4/ }).click();
      await expect.poll(async () => (await videoState(page)).time, WAIT).toBe(0);
      await expectPlays(page);
      await expectSeekToNote(page, NOTE.cloudMs);

      // Keyboard: ] faster, [ slower, → 15 s on (clamped to the end), ← 15 s back, Space plays.
      await page.keyboard.press(']');
      expect((await videoState(page)).rate).toBe(1.25);
      await page.keyboard.press('[');
      await page.keyboard.press('[');
      expect((await videoState(page)).rate).toBe(0.75);
      await expect(page.getByRole('combobox', { name: 'Speed' }).inputValue()).resolves.toBe('0.75');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(async () => (await videoState(page)).time, WAIT).toBe(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await videoState(page)).time, WAIT).toBeCloseTo(15, 0);
      // Space on a focused button presses that button; with nothing focused it is the player's.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press(' ');
      await expect.poll(async () => (await videoState(page)).paused, WAIT).toBe(false);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();

      // Agora's HLS playlist: plays (natively where Chromium can, else through hls.js) and seeks to the note.
      await page.getByRole('button', { name: /Agora cloud recording · HLS stream/ }).click();
      await expect.poll(async () => (await videoState(page)).engine, WAIT).toMatch(/^(native|hls\.js)$/);
      await expectPlays(page);
      await expectSeekToNote(page, NOTE.cloudMs);
      for (const question of REVIEW_QUESTIONS) await page.getByRole('button', { name: new RegExp(question) }).waitFor();

      // A browser that cannot play HLS itself (Electron's Chromium without proprietary codecs, Firefox): hls.js
      // fetches the playlist and segments from the bucket (CORS) and feeds the element.
      const hlsPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      hlsPage.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      await hlsPage.addInitScript(HLS_JS_ONLY);
      await hlsPage.goto(await app.launchUrl());
      await hlsPage.getByRole('button', { name: 'Review the recordings of Review test interview' }).click();
      await hlsPage.getByRole('button', { name: /Agora cloud recording · HLS stream/ }).click();
      await expect.poll(async () => (await videoState(hlsPage)).engine, WAIT).toBe('hls.js');
      await expectPlays(hlsPage);
      await expectSeekToNote(hlsPage, NOTE.cloudMs);

      // The screen asked again by itself (no faster than the core's wait): LiveKit's egress plays now.
      await expect.poll(() => livekit.isDisabled(), { timeout: 120_000, interval: 500 }).toBe(false);
      await livekit.click();
      await expectPlays(page);

      expect(consoleErrors).toEqual([]);
    },
  );
});
