import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { startApp } from '../support/start-app';
import { testEnv, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

describe('free space below the hard floor', () => {
  it('stops the recording cleanly, keeps what was written and tells the candidate', async () => {
    const root = tempDir('irec-lowdisk-');
    const media = await makeFakeMedia(root);
    // A floor of 10 TB: whatever this machine has free is below it, so the first chunk is "critical".
    fs.writeFileSync(testPaths(root).userConfigFile, JSON.stringify({ recording: { minFreeMb: 10_000_000 } }));
    const [browser, app] = await Promise.all([launchChromium(fakeDeviceArgs(media)), startApp(testEnv(root))]);
    try {
      const page = await browser.newPage();
      await beginInterview(page, await app.launchUrl());
      // Finalizing would take the disk below the floor too: it waits, says why, and offers to try again.
      await page.getByRole('heading', { level: 1, name: 'Needs attention' }).waitFor({ timeout: 30_000 });
      await page.getByText('The disk is almost full, so the recording stopped.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      await page.getByText('Details', { exact: true }).click();
      await expect(
        page.getByText(/Not enough disk space to finalize: about .* is needed, plus 10\.5 TB kept free/).textContent(),
      ).resolves.toBeTruthy();

      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      const recording = db.prepare('SELECT id, state, stop_reason, error FROM recordings').get() as Record<string, string>;
      const stored = db.prepare('SELECT COUNT(*) AS n, SUM(size) AS bytes FROM chunks WHERE recording_id = ?').get(recording.id) as {
        n: number;
        bytes: number;
      };
      const file = (db.prepare('SELECT file_path FROM segments WHERE recording_id = ?').get(recording.id) as { file_path: string })
        .file_path;
      const critical = db.prepare("SELECT COUNT(*) AS n FROM events WHERE kind = 'disk.critical'").get() as { n: number };
      db.close();
      expect(recording).toMatchObject({
        state: 'stopped',
        stop_reason: 'disk-low',
        error: expect.stringMatching(/^Not enough disk space/),
      });
      expect(stored.n).toBeGreaterThanOrEqual(1);
      expect(fs.statSync(file).size).toBe(stored.bytes);
      expect(critical.n).toBe(1);
    } finally {
      await browser.close();
      await app.stop();
    }
  }, 60_000);
});
