import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';
import { beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { launchChromiumGroup } from '../support/chromium-group';
import { fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { framesInLastSecond, probeVideo } from '../support/media-analysis';
import { processesMentioning } from '../support/process-group';
import { pausedCount, submitEveryPausedInterview } from '../support/resume-flow';
import { startApp, type StartedApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';

const HOST = 'dist/host/main.cjs';
const KILLS = 20;
/** Media a power cut may cost: the chunk in flight, plus the recorder's start-up. */
const MAX_LOSS_SEC = 1.5;

interface Kill {
  at: number;
  retake: boolean;
}

const randomMs = (min: number, max: number) => min + Math.random() * (max - min);

/** One answer that may be retaken, no think time, so the recorder runs from the first second. */
function writeScript(root: string): string {
  const file = path.join(root, 'kill-interview.json');
  const question = { text: 'Tell us about a hard bug.', audio: 'question.wav', thinkSeconds: 0, answerSeconds: 300, retakes: 5 };
  fs.writeFileSync(file, JSON.stringify({ id: 'kill-test', title: 'Power cut test', candidateName: 'Ada', questions: [question] }));
  return file;
}

interface Row {
  id: string;
  state: string;
  error: string | null;
  started_at: string;
}

describe('a power cut of the whole app (host and browser together) at random moments', () => {
  it(`${KILLS} cuts, half of them during a retake: every recording ends finalized and playable, losing ≤ ${MAX_LOSS_SEC} s`, async () => {
    const root = tempDir('irec-power-cut-');
    const media = await makeFakeMedia(root);
    const env = testEnv(root);
    const args = ['--no-open', '--port', '0', '--script', writeScript(root)];
    const kills: Kill[] = [];
    for (let i = 0; i < KILLS; i++) {
      const retake = i % 2 === 1;
      // Each start also pauses the recording the previous cut left behind, as a user's next start would.
      const [app, chromium] = await Promise.all([
        startApp(env, args, HOST),
        launchChromiumGroup(path.join(root, `profile-${i}`), fakeDeviceArgs(media)),
      ]);
      try {
        const page = await chromium.browser.contexts()[0]!.newPage();
        await beginInterview(page, await app.launchUrl()).catch(async (error: unknown) => {
          await page.screenshot({ path: path.join(projectRoot, 'test-results', 'e2e', `power-cut-${i + 1}-failed.png`), fullPage: true });
          throw error;
        });
        const retakeButton = page.getByRole('button', { name: 'Retake this answer' });
        await retakeButton.waitFor({ timeout: 60_000 });
        if (retake) {
          await page.waitForTimeout(randomMs(500, 3000));
          await retakeButton.click();
          // Cut anywhere in the retake: while its segment starts, while the question plays again, or while answering.
          await page.waitForTimeout(randomMs(0, 4000));
        } else {
          await page.waitForTimeout(randomMs(300, 6000));
        }
        kills.push({ at: Date.now(), retake });
        await Promise.all([app.kill(), chromium.group.kill()]);
      } finally {
        await Promise.all([app.stop(), chromium.group.stop()]);
      }
    }

    const last: StartedApp = await startApp(env, args, HOST);
    // Each start paused the interview the cut before it left; the candidate submits them all from the home screen.
    const browser = await launchChromium();
    try {
      await expect.poll(() => pausedCount(root), { timeout: 30_000 }).toBe(KILLS);
      const page = await browser.newPage();
      await page.goto(await last.launchUrl());
      await submitEveryPausedInterview(page, root);
    } finally {
      await browser.close();
    }
    const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
    try {
      const rows = () => db.prepare('SELECT id, state, error, started_at FROM recordings ORDER BY started_at').all() as Row[];
      await expect
        .poll(() => rows().filter((r) => !['finalized', 'uploaded', 'failed'].includes(r.state)).length, { timeout: 180_000 })
        .toBe(0);
      const recordings = rows();
      expect(recordings).toHaveLength(KILLS);
      expect(recordings.filter((r) => r.state === 'failed' || r.error !== null)).toEqual([]);
      const losses: string[] = [];
      for (const [i, recording] of recordings.entries()) {
        const outputs = db
          .prepare('SELECT file_path, duration_ms FROM recording_outputs WHERE recording_id = ?')
          .all(recording.id) as Array<{
          file_path: string;
          duration_ms: number;
        }>;
        expect(outputs).toHaveLength(1);
        const probe = await probeVideo(outputs[0]!.file_path);
        expect(probe).toMatchObject({ width: 1280, height: 720 });
        expect(await framesInLastSecond(outputs[0]!.file_path, probe.durationSec)).toBeGreaterThan(10);
        const segments = db.prepare('SELECT COUNT(*) AS n FROM segments WHERE recording_id = ?').get(recording.id) as { n: number };
        if (kills[i]!.retake) expect(segments.n).toBeGreaterThanOrEqual(1);
        const ranSec = (kills[i]!.at - Date.parse(recording.started_at)) / 1000;
        const loss = ranSec - probe.durationSec;
        losses.push(`${loss.toFixed(2)}${kills[i]!.retake ? 'r' : ''}`);
        expect(loss, `recording ${i + 1} (${recording.id}) lost ${loss.toFixed(2)} s of ${ranSec.toFixed(2)} s`).toBeLessThan(MAX_LOSS_SEC);
      }
      console.log(`Seconds lost per power cut (r: during a retake): ${losses.join(' ')}`);
    } finally {
      db.close();
      await last.stop();
    }
    expect(processesMentioning(root)).toEqual([]);
  }, 1_200_000);
});
