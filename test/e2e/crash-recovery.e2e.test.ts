import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { localS3, objectDigest } from '../support/local-s3';
import { pausedCount, RESUME_OFFER } from '../support/resume-flow';
import { framesInLastSecond, probeVideo } from '../support/media-analysis';
import { startApp } from '../support/start-app';
import { testEnv, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const HOST = 'dist/host/main.cjs';

describe('the app is killed in the middle of an interview', () => {
  it('the next start keeps Chromium’s recording up to its last second, offers it, and uploads it once submitted', async () => {
    const root = tempDir('irec-crash-e2e-');
    const media = await makeFakeMedia(root);
    const s3 = await localS3();
    const env = { ...testEnv(root), ...s3.env };
    const [browser, first] = await Promise.all([launchChromium(fakeDeviceArgs(media)), startApp(env, ['--no-open', '--port', '0'], HOST)]);
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await beginInterview(page, await first.launchUrl());
      await page.getByText('Question 1 of 3').waitFor();
      await page.waitForTimeout(6000);
      const killedAfterMs = Date.now();
      // The host and anything it started die at once, as in a crash; kill() returns when they are all gone.
      await first.kill();

      const second = await startApp(env, ['--no-open', '--port', '0'], HOST);
      try {
        // Nothing is sent on its own: the interview waits, paused, until the candidate continues or submits it.
        await page.goto(await second.launchUrl());
        await page.getByRole('heading', { name: RESUME_OFFER.heading }).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(root, 'recovered.png'), fullPage: true });
        expect(pausedCount(root)).toBe(1);
        await page.getByRole('button', { name: RESUME_OFFER.submit }).click();

        // Recovered, finalized, then handed to the upload queue like any other recording.
        const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
        const row = () => db.prepare('SELECT * FROM recordings').get() as Record<string, string | number>;
        await expect.poll(() => row().state, { timeout: 30_000 }).toBe('uploaded');
        const recording = row();
        const output = db.prepare('SELECT * FROM recording_outputs').get() as { file_path: string; duration_ms: number; sha256: string };
        const key = db.prepare("SELECT object_key AS key FROM upload_jobs WHERE kind = 'final'").get() as { key: string };
        db.close();
        expect(recording).toMatchObject({ recovered_at: expect.any(String), error: null, stop_reason: 'interrupted' });
        expect((await objectDigest(s3, key.key)).sha256).toBe(output.sha256);
        const startedMs = Date.parse(String(recording.started_at));
        const final = await probeVideo(output.file_path);
        expect(final).toMatchObject({ width: 1280, height: 720 });
        // At most the second in flight (plus the recorder's start-up) is missing from what ran before the kill.
        expect((killedAfterMs - startedMs) / 1000 - final.durationSec).toBeLessThan(2);
        expect(await framesInLastSecond(output.file_path, final.durationSec)).toBeGreaterThan(20);
      } finally {
        await second.stop();
      }
    } finally {
      await browser.close();
    }
  }, 90_000);
});
