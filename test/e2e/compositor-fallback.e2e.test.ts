import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { BROKEN_FPS, fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { countPixels, isRecRed, probeVideo, readFrameRgb } from '../support/media-analysis';
import { startApp } from '../support/start-app';
import { testEnv, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const isBlack = (r: number, g: number, b: number) => r < 24 && g < 24 && b < 24;

describe('compositing where the worker cannot run', () => {
  it('draws on the page instead, and still records letterboxed frames with the REC badge', async () => {
    const root = tempDir('irec-compositor-fallback-');
    const media = await makeFakeMedia(root);
    const script = path.join(root, 'interview.json');
    const question = { text: 'Talk.', audio: 'question.wav', thinkSeconds: 0, answerSeconds: 6 };
    fs.writeFileSync(script, JSON.stringify({ id: 'e2e-fallback', title: 'Fallback', candidateName: 'Test', questions: [question] }));
    const [browser, app] = await Promise.all([
      launchChromium(fakeDeviceArgs(media)),
      startApp(testEnv(root), ['--no-open', '--port', '0', '--script', script]),
    ]);
    try {
      const page = await browser.newPage();
      const warnings: string[] = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      // As if the worker's script could not be loaded (blocked, or missing from a damaged install).
      await page.route('**/compositor.worker-*.js', (route) => route.abort());
      await beginInterview(page, await app.launchUrl());
      await page.getByText('Question 1 of 1').waitFor();
      expect(page.workers()).toEqual([]);
      await page.locator('#finish-title').waitFor({ timeout: 60_000 });
      expect(warnings).toContain('Compositing video frames on the page: the worker did not load.');

      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      const file = (db.prepare('SELECT file_path FROM segments').get() as { file_path: string }).file_path;
      db.close();
      const probe = await probeVideo(file);
      expect(probe).toMatchObject({ width: 1280, height: 720 });
      expect(probe.durationSec).toBeGreaterThan(5);
      // The fallback's job is to record, at the camera's pace (how many frames it drops is the capture bench's figure).
      expect(probe.frameCount / probe.durationSec).toBeGreaterThanOrEqual(BROKEN_FPS);
      const frame = await readFrameRgb(file, probe.durationSec / 2);
      expect(countPixels(frame, { x: 28, y: 26, width: 28, height: 28 }, isRecRed)).toBeGreaterThan(300);
      // 640×480 letterboxed into 1280×720: black bars left and right of a 960-wide picture.
      expect(countPixels(frame, { x: 0, y: 100, width: 150, height: 500 }, isBlack)).toBeGreaterThan(0.98 * 150 * 500);
      expect(countPixels(frame, { x: 200, y: 100, width: 880, height: 500 }, isBlack)).toBeLessThan(0.5 * 880 * 500);
    } finally {
      await browser.close();
      await app.stop();
    }
  }, 120_000);
});
