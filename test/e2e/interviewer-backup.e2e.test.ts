// The interviewer's local backup recording of the call, end to end: the app in the browser host, the interviewer on
// the app's own page (a test panel mounts the real useBackupRecording hook there, as the desk's in-call screen
// does) with a green camera and a 1200 Hz microphone, and the candidate in a second Chromium with the red|blue
// camera and a 440 Hz tone. The backup starts before the candidate is in the call (the placeholder is recorded),
// runs ≥ 10 s with them, is stopped, finalized, verified and uploaded; the file must show the candidate's pattern
// in the large area and carry their tone from when they appeared, the interviewer small and heard throughout.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { LOCAL_S3_BUCKET } from '../../tools/lib/local-s3.mjs';
import { serveBrowserBundle, type ServedBundle } from '../support/browser-bundle';
import { callParticipant, devCallTokens, participantMedia } from '../support/call-pages';
import { launchChromium } from '../support/chromium';
import { devBackend, received } from '../support/dev-backend';
import { CAMERA_FPS, fakeDeviceArgs, MIC_HZ } from '../support/fake-devices';
import { objectBytes, objectDigest, sha256Of } from '../support/local-s3';
import { hasTone, probeVideo, readAudioMono, readFrameRgb } from '../support/media-analysis';
import { CANDIDATE_LEFT, CANDIDATE_RIGHT, isBlue, isGreen, isRed, isSlate, OWN_PICTURE, share } from '../support/backup-picture';
import { bundlePageScript } from '../support/page-script';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';
import { unexpectedErrors } from '../support/console-errors';
import type { BackupStatus } from './pages/interviewer-backup.page';

const CHANNEL = 'e2e-backup-1';
const INTERVIEWER_HZ = 1200;
const SPLIT = `color=c=red:size=640x480:rate=${CAMERA_FPS},drawbox=x=320:y=0:w=320:h=480:color=blue:t=fill`;
const GREEN = `color=c=green:size=640x480:rate=${CAMERA_FPS}`;
const WAIT = { timeout: 60_000, interval: 250 };
/** Recorded before the candidate joins (the placeholder), and with them in the call. */
const ALONE_MS = 4_000;
const WITH_CANDIDATE_MS = 10_000;
const SAMPLE_RATE = 16_000;

let bundle: ServedBundle;
let panelScript: string;
beforeAll(async () => {
  bundle = await serveBrowserBundle(path.join(import.meta.dirname, '../support/dev-call-page.ts'));
  panelScript = await bundlePageScript(path.join(import.meta.dirname, 'pages', 'interviewer-backup.page.tsx'));
}, 60_000);
afterAll(() => bundle?.close());

const status = (page: Page): Promise<BackupStatus> => page.evaluate(() => window.backupPage.status());

/** The interviewer on the app's own page, with the test panel injected (the page's CSP bypassed for that script only). */
async function openInterviewerPage(launchUrl: string, media: { camera: string; microphone: string }, tokenUrl: string) {
  const browser = await launchChromium([...fakeDeviceArgs(media), '--allow-loopback-in-peer-connection']);
  onTestFinished(() => browser.close());
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.exposeFunction('irecToken', devCallTokens(tokenUrl));
  await page.goto(launchUrl);
  await page.waitForFunction(() => 'api' in window);
  await page.addScriptTag({ content: panelScript });
  return { page, errors };
}

describe('the interviewer’s local backup recording', () => {
  it(
    'records the call at 1280×720 — the candidate large, the interviewer small, both voices — and uploads it',
    { timeout: 360_000 },
    async () => {
      const root = tempDir('irec-backup-');
      const dev = await devBackend();
      const candidateMedia = await participantMedia(root, 'candidate', SPLIT, MIC_HZ);
      const interviewerMedia = await participantMedia(root, 'interviewer', GREEN, INTERVIEWER_HZ);
      const app = await startApp(testEnv(root, dev.backend.env), ['--no-open', '--port', '0']);
      onTestFinished(() => app.stop());

      const { page, errors } = await openInterviewerPage(await app.launchUrl(), interviewerMedia, dev.backend.callTokenUrl);
      const join = { serverUrl: dev.backend.url, room: CHANNEL, participantId: 'interviewer', timeoutMs: 15_000 };
      const interviewId = await page.evaluate((j) => window.backupPage.open(j), join);
      expect(interviewId).toMatch(/^ivw-/);

      // Started alone in the call: the placeholder is recorded until the candidate's picture arrives.
      await page.getByRole('button', { name: 'Start local backup' }).click();
      await expect.poll(async () => (await status(page)).state, WAIT).toBe('recording');
      await expect.poll(async () => (await status(page)).mediaMs ?? 0, WAIT).toBeGreaterThan(ALONE_MS);

      const candidate = await callParticipant(bundle.url, candidateMedia, devCallTokens(dev.backend.callTokenUrl));
      const joined = await candidate.page.evaluate((j) => window.callPage.join(j), { ...join, participantId: 'candidate-1' });
      expect(joined).toEqual({ ok: true });
      await expect.poll(async () => (await status(page)).candidateShownAtMs, WAIT).not.toBeNull();
      const shownAtMs = (await status(page)).candidateShownAtMs!;
      const { localMs: noteMs } = await page.evaluate(() => window.backupPage.note('Candidate joined; strong start.'));
      await expect.poll(async () => (await status(page)).mediaMs ?? 0, WAIT).toBeGreaterThan(shownAtMs + WITH_CANDIDATE_MS);

      await page.getByRole('button', { name: 'Stop local backup' }).click();
      await expect.poll(async () => (await status(page)).state, WAIT).toBe('stopped');
      const { recordingId } = await status(page);

      // Finalized, verified and uploaded: the catalog says so, and the bucket holds the same bytes and the manifest.
      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      onTestFinished(() => void db.close());
      const row = () =>
        db
          .prepare('SELECT interview_id, kind, state, duration_ms, file_path, sha256, error FROM recordings WHERE id = ?')
          .get(recordingId) as {
          interview_id: string;
          kind: string;
          state: string;
          duration_ms: number;
          file_path: string;
          sha256: string;
          error: string | null;
        };
      await expect.poll(() => row().state, { timeout: 150_000, interval: 500 }).toBe('uploaded');
      const recording = row();
      expect(recording).toMatchObject({ interview_id: interviewId, kind: 'backup' });
      const jobs = db
        .prepare("SELECT kind, object_key AS key, state FROM upload_jobs WHERE recording_id = ? AND kind IN ('final', 'manifest')")
        .all(recordingId) as Array<{ kind: string; key: string; state: string }>;
      const final = jobs.find((job) => job.kind === 'final')!;
      const manifestJob = jobs.find((job) => job.kind === 'manifest')!;
      expect([final.state, manifestJob.state]).toEqual(['done', 'done']);
      const endpoint = /Local S3 for development at (http:\/\/127\.0\.0\.1:\d+)/.exec(app.output())![1]!;
      const s3 = { endpoint, bucket: LOCAL_S3_BUCKET };
      const uploaded = await objectDigest(s3, final.key);
      expect(uploaded.sha256).toBe(recording.sha256);
      expect(sha256Of(fs.readFileSync(recording.file_path))).toBe(uploaded.sha256);
      const manifest = JSON.parse(Buffer.from(await objectBytes(s3, manifestJob.key)).toString('utf8')) as {
        recording: { id: string; kind: string };
        notes: Array<{ text: string; localRecordingId: string; localMs: number }>;
      };
      expect(manifest.recording).toMatchObject({ id: recordingId, kind: 'backup' });
      expect(manifest.notes).toEqual([
        expect.objectContaining({ text: 'Candidate joined; strong start.', localRecordingId: recordingId, localMs: noteMs }),
      ]);
      // The backup registered no cloud recording of its own: the interviewer runs the call's from the desk.
      expect(received(dev.backend, 'POST', '/api/agora/recording/start')).toEqual([]);
      const callSessions = db
        .prepare("SELECT COUNT(*) AS n FROM cloud_sessions WHERE recording_id = ? AND backend IN ('agora', 'livekit')")
        .get(recordingId) as { n: number };
      expect(callSessions.n).toBe(0);

      // The file: 1280×720, as long as recorded, with at least the ≥ 10 s with the candidate.
      const probe = await probeVideo(recording.file_path);
      expect(probe).toMatchObject({ width: 1280, height: 720 });
      expect(Math.abs(probe.durationSec - recording.duration_ms / 1000)).toBeLessThanOrEqual(0.5);
      expect(probe.durationSec).toBeGreaterThanOrEqual((shownAtMs + WITH_CANDIDATE_MS) / 1000 - 0.5);
      const shownAt = shownAtMs / 1000;
      console.log(
        `backup: ${probe.frameCount} frames in ${probe.durationSec.toFixed(2)} s (${(probe.frameCount / probe.durationSec).toFixed(1)} fps), ` +
          `candidate shown at ${shownAt.toFixed(2)} s, note at ${((noteMs ?? 0) / 1000).toFixed(2)} s`,
      );

      // Before the candidate: the placeholder large, the interviewer small. After: the red|blue pattern large.
      const before = await readFrameRgb(recording.file_path, Math.max(0.5, shownAt - 2));
      expect(share(before, CANDIDATE_LEFT, isSlate)).toBeGreaterThan(0.8);
      expect(share(before, CANDIDATE_LEFT, isRed)).toBe(0);
      expect(share(before, OWN_PICTURE, isGreen)).toBeGreaterThan(0.9);
      for (const at of [shownAt + 1.5, shownAt + WITH_CANDIDATE_MS / 2000, probe.durationSec - 1]) {
        const frame = await readFrameRgb(recording.file_path, at);
        expect(share(frame, CANDIDATE_LEFT, isRed), `red on the left at ${at.toFixed(1)} s`).toBeGreaterThan(0.9);
        expect(share(frame, CANDIDATE_RIGHT, isBlue), `blue on the right at ${at.toFixed(1)} s`).toBeGreaterThan(0.9);
        expect(share(frame, OWN_PICTURE, isGreen), `the interviewer small at ${at.toFixed(1)} s`).toBeGreaterThan(0.9);
      }

      // Both voices: the interviewer's throughout, the candidate's only once they are in the call.
      const samples = await readAudioMono(recording.file_path, SAMPLE_RATE);
      expect(hasTone(samples, SAMPLE_RATE, MIC_HZ, 0.5, shownAt - 1.5)).toBe(false);
      expect(hasTone(samples, SAMPLE_RATE, INTERVIEWER_HZ, 0.5, shownAt - 1.5)).toBe(true);
      expect(hasTone(samples, SAMPLE_RATE, MIC_HZ, shownAt + 1, probe.durationSec - 0.5)).toBe(true);
      expect(hasTone(samples, SAMPLE_RATE, INTERVIEWER_HZ, shownAt + 1, probe.durationSec - 0.5)).toBe(true);

      expect(unexpectedErrors(errors, /WebSocket/)).toEqual([]);
    },
  );
});
