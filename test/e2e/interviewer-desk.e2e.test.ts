// The interviewer's desk end to end: the app in the browser host opened by an interviewer's deep link
// (interview-recorder://…&role=interviewer), the candidate a participant of the development call server in a
// Chromium of its own. Pre-join shows the interview and that the candidate is in the call; joined, the interviewer
// sees the candidate's picture; the cloud recording starts only after the confirmation (the development backend
// receives the start), two notes land in the catalog stamped where they were typed; with the backend down the REC
// indicator says the cloud is not recording, and the stop reaches the backend once it is back. The local backup
// of the call, recorded from join to leave, is uploaded and shows the candidate and carries their voice at each note.
// Every interviewer screen passes axe-core and is photographed into test-results/screens/.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { serveBrowserBundle, type ServedBundle } from '../support/browser-bundle';
import { callParticipant, devCallTokens, participantMedia } from '../support/call-pages';
import { launchChromium } from '../support/chromium';
import { devBackend, received } from '../support/dev-backend';
import { CAMERA_FPS, fakeDeviceArgs, MIC_HZ } from '../support/fake-devices';
import { listenForTest } from '../support/loopback-server';
import { showsCall } from '../support/backup-picture';
import { localS3, objectDigest, sha256Of, type BucketAddress } from '../support/local-s3';
import { hasTone, probeVideo, readAudioMono, readFrameRgb } from '../support/media-analysis';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';

const HOST = 'dist/host/main.cjs';
const CHANNEL = 'e2e-desk-1';
/** The candidate's camera: red left half, blue right half. The interviewer's: green. */
const SPLIT = `color=c=red:size=640x480:rate=${CAMERA_FPS},drawbox=x=320:y=0:w=320:h=480:color=blue:t=fill`;
const GREEN = `color=c=green:size=640x480:rate=${CAMERA_FPS}`;
const INTERVIEWER_HZ = 1200;
const SAMPLE_RATE = 16_000;
const WAIT = { timeout: 60_000, interval: 250 };
/** How far a note's stamps may be from the moment Enter reached the page (the backup's clock starts about when its start is stored). */
const NOTE_SLACK_MS = 1000;

const SCRIPT = {
  id: 'e2e-desk',
  title: 'Desk test interview',
  candidateName: 'Test Candidate',
  position: 'Backend engineer',
  // The development call joins the channel the (development) Agora cloud recording records.
  agoraChannel: CHANNEL,
  live: { provider: 'dev' },
  questions: [
    { text: 'Tell us about a project you are proud of.', answerSeconds: 300 },
    { text: 'How do you test your work?', answerSeconds: 300 },
  ],
};

let bundle: ServedBundle;
beforeAll(async () => {
  bundle = await serveBrowserBundle(path.join(import.meta.dirname, '../support/dev-call-page.ts'));
}, 60_000);
afterAll(() => bundle?.close());

/** The script on a loopback "invite host", and the app configured to fetch from it, with an interviewer role. */
async function startDeskApp(root: string, env: Record<string, string>) {
  const base = await listenForTest(
    http.createServer((req, res) => {
      // The same script as a deep link's and as schedule sch-7's invite (a schedule id is looked up there).
      const found = req.url === '/s/desk.json' || req.url === '/interview/sch-7/script.json';
      res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' }).end(found ? JSON.stringify(SCRIPT) : '{}');
    }),
  );
  const paths = testPaths(root);
  fs.mkdirSync(path.dirname(paths.userConfigFile), { recursive: true });
  fs.writeFileSync(
    paths.userConfigFile,
    JSON.stringify({ interview: { inviteHosts: [new URL(base).host] }, interviewer: { name: 'Configured Name', role: 'Hiring manager' } }),
  );
  const link = `interview-recorder://interview?script=${encodeURIComponent(`${base}/s/desk.json`)}&role=interviewer&name=Grace%20Hopper`;
  const app = await startApp(testEnv(root, env), ['--no-open', '--port', '0', '--link', link], HOST);
  onTestFinished(() => app.stop());
  return app;
}

/** The screen passes axe-core with nothing cut off sideways, and is photographed at both sizes. */
async function expectAccessible(page: Page, name: string) {
  const report = await checkScreen(page, name);
  expect(report.violations, `${name}: axe-core`).toEqual([]);
  expect(report.cutOff, `${name}: cut off`).toEqual([]);
}

/** The candidate's picture in the desk's large video: red on the left, blue on the right. */
const candidateColours = (page: Page) =>
  page.locator('.desk-candidate-video').evaluate((video: HTMLVideoElement) => {
    if (video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(video, 0, 0);
    const mean = (x: number) => {
      const data = context.getImageData(Math.round(x * canvas.width), Math.round(0.4 * canvas.height), 8, 8).data;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let i = 0; i < data.length; i += 4) [r, g, b] = [r + data[i]!, g + data[i + 1]!, b + data[i + 2]!];
      const n = data.length / 4;
      return { r: r / n, g: g / n, b: b / n };
    };
    return { left: mean(0.2), right: mean(0.75) };
  });

const isRed = (c: { r: number; g: number; b: number }) => c.r > 150 && c.g < 90 && c.b < 90;
const isBlue = (c: { r: number; g: number; b: number }) => c.b > 150 && c.r < 90 && c.g < 90;

interface NoteRow {
  text: string;
  question_index: number | null;
  author: string | null;
  created_at: string;
  cloud_session_id: string | null;
  cloud_ms: number | null;
  local_recording_id: string | null;
  local_ms: number | null;
}

/**
 * The local backup the desk recorded from join to leave: finalized, verified and uploaded byte for byte, complete
 * through the backend's outage; the notes stamped with its clock where they were typed (±1 s); at each note the
 * candidate's pattern large, the interviewer small, and both voices heard.
 */
async function expectBackupOfTheCall(
  db: Database.Database,
  s3: BucketAddress,
  notes: NoteRow[],
  typedAt: number[],
  outage: { from: number; to: number },
) {
  const backup = () =>
    db.prepare("SELECT id, state, started_at, file_path, sha256, error FROM recordings WHERE kind = 'backup'").all() as Array<{
      id: string;
      state: string;
      started_at: string;
      file_path: string;
      sha256: string;
      error: string | null;
    }>;
  const jobs = () => db.prepare('SELECT kind, state, attempts, last_error FROM upload_jobs').all();
  await expect
    .poll(() => backup().map((r) => r.state), { timeout: 150_000, interval: 500 })
    .toEqual(['uploaded'])
    .catch((error: Error) => {
      throw new Error(`${error.message}\nupload jobs: ${JSON.stringify(jobs())}`);
    });
  const [recording] = backup();
  const final = db.prepare("SELECT object_key AS key FROM upload_jobs WHERE recording_id = ? AND kind = 'final'").get(recording!.id) as {
    key: string;
  };
  expect((await objectDigest(s3, final.key)).sha256).toBe(recording!.sha256);
  expect(sha256Of(fs.readFileSync(recording!.file_path))).toBe(recording!.sha256);

  const probe = await probeVideo(recording!.file_path);
  expect(probe).toMatchObject({ width: 1280, height: 720 });
  const samples = await readAudioMono(recording!.file_path, SAMPLE_RATE);
  notes.forEach((note, i) => {
    expect(note.local_recording_id).toBe(recording!.id);
    expect(Math.abs(note.local_ms! - (typedAt[i]! - Date.parse(recording!.started_at)))).toBeLessThanOrEqual(NOTE_SLACK_MS);
  });
  // Complete through the backend's outage: it goes on past it, and while the backend (here the call server too, so
  // the candidate is gone) was away it kept recording the interviewer, with the placeholder for the candidate.
  const startedMs = Date.parse(recording!.started_at);
  expect(probe.durationSec * 1000).toBeGreaterThan(outage.to - startedMs);
  const away = await readFrameRgb(recording!.file_path, ((outage.from + outage.to) / 2 - startedMs) / 1000);
  expect(showsCall(away).interviewerGreen, 'the interviewer while the backend was down').toBeGreaterThan(0.9);
  for (const note of notes) {
    const at = note.local_ms! / 1000;
    const frame = await readFrameRgb(recording!.file_path, at);
    expect(showsCall(frame), `the call's picture at the note "${note.text}" (${at.toFixed(1)} s)`).toEqual({
      candidateLeftRed: expect.toSatisfy((x: number) => x > 0.9),
      candidateRightBlue: expect.toSatisfy((x: number) => x > 0.9),
      interviewerGreen: expect.toSatisfy((x: number) => x > 0.9),
    });
    expect(hasTone(samples, SAMPLE_RATE, MIC_HZ, Math.max(0, at - 1), at + 1), `the candidate heard at ${at.toFixed(1)} s`).toBe(true);
    expect(hasTone(samples, SAMPLE_RATE, INTERVIEWER_HZ, Math.max(0, at - 1), at + 1)).toBe(true);
  }
}

describe("the interviewer's desk through the development call server", () => {
  it(
    'opens from a deep link, joins, sees the candidate, records in the cloud after confirming, takes notes and scores; opens by hand too',
    { timeout: 300_000 },
    async () => {
      const root = tempDir('irec-desk-');
      const dev = await devBackend();
      const s3 = await localS3();
      const candidateMedia = await participantMedia(root, 'candidate', SPLIT, MIC_HZ);
      const interviewerMedia = await participantMedia(root, 'interviewer', GREEN, INTERVIEWER_HZ);

      // The candidate is in the call before the interviewer opens the desk.
      const candidate = await callParticipant(bundle.url, candidateMedia, devCallTokens(dev.backend.callTokenUrl));
      expect(
        await candidate.page.evaluate((r) => window.callPage.join(r), {
          serverUrl: dev.backend.url,
          room: CHANNEL,
          participantId: 'candidate-1',
          timeoutMs: 10_000,
        }),
      ).toEqual({ ok: true });

      const app = await startDeskApp(root, { ...dev.backend.env, ...s3.env });
      const browser = await launchChromium([...fakeDeviceArgs(interviewerMedia), '--allow-loopback-in-peer-connection']);
      onTestFinished(() => browser.close());
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(await app.launchUrl());

      // Pre-join: the interview, the guide, the name from the link and the role from configuration, and the live status.
      await page.getByRole('heading', { level: 1, name: 'Before you join' }).waitFor({ timeout: 60_000 });
      const details = page.locator('.desk-prejoin');
      for (const shown of [
        'Desk test interview',
        'Test Candidate',
        'Backend engineer',
        'Grace Hopper (Hiring manager)',
        'How do you test your work?',
      ])
        await expect.poll(() => details.innerText()).toContain(shown);
      await expect.poll(() => page.locator('.desk-presence').textContent(), WAIT).toContain('The candidate is in the call');
      await page.locator('.desk-devices video').waitFor();
      await expectAccessible(page, 'desk-prejoin');
      expect(received(dev.backend, 'POST', '/api/agora/recording/start')).toEqual([]);

      // In the call: the candidate's test pattern, large.
      await page.getByRole('button', { name: 'Join the call' }).click();
      await page.getByRole('heading', { level: 1, name: 'Desk test interview' }).waitFor({ timeout: 30_000 });
      await expect
        .poll(async () => {
          const colours = await candidateColours(page);
          return !!colours && isRed(colours.left) && isBlue(colours.right);
        }, WAIT)
        .toBe(true);
      await expect.poll(() => page.locator('.desk-participants').innerText()).toContain('candidate-1');
      // The candidate's voice plays through the same element (to the chosen speaker).
      expect(
        await page.locator('.desk-candidate-video').evaluate((v: HTMLVideoElement) => (v.srcObject as MediaStream).getAudioTracks().length),
      ).toBe(1);
      await expect.poll(() => page.locator('.desk-call-head').innerText()).toMatch(/In the call for \d+:\d\d/);
      // The local backup of the call started by itself with the join.
      await expect.poll(() => page.locator('.desk-backup-status').getAttribute('data-state'), WAIT).toBe('recording');
      expect(await page.locator('.desk-rec-indicator').getAttribute('data-health')).toBe('none');
      await expectAccessible(page, 'desk-in-call');

      // Start asks first, naming the consent (none on this computer: the candidate's is on theirs); cancel starts nothing.
      await page.getByRole('button', { name: 'Start cloud recording' }).click();
      const dialog = page.getByRole('dialog', { name: 'Start the cloud recording?' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('No consent of the candidate is recorded on this computer');
      await expectAccessible(page, 'desk-confirm-recording');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(received(dev.backend, 'POST', '/api/agora/recording/start')).toEqual([]);
      await page.getByRole('button', { name: 'Start cloud recording' }).click();
      await dialog.getByRole('button', { name: 'Start recording' }).click({ timeout: 5_000 });
      await expect.poll(() => received(dev.backend, 'POST', '/api/agora/recording/start').length, WAIT).toBe(1);
      const indicator = page.locator('.desk-rec-indicator');
      await expect.poll(() => indicator.getAttribute('data-health'), WAIT).toBe('recording');
      await expect.poll(() => indicator.innerText(), WAIT).toMatch(/REC \d+:\d\d\s*Recording in progress/);

      // Two notes, the second marked for question 2; each stamped by the core with the cloud recording's clock.
      // When each Enter reached the page, by its clock: the moment the notes must be stamped with.
      await page.evaluate(() => {
        const pressed: number[] = ((window as unknown as { enterPressedAt: number[] }).enterPressedAt = []);
        document.addEventListener('keydown', (event) => event.key === 'Enter' && pressed.push(Date.now()), true);
      });
      const note = page.getByLabel('New note');
      await note.fill('Explains the project clearly');
      await note.press('Enter');
      await page.locator('.desk-note-input select').selectOption({ label: 'Question 2' });
      await note.fill('Writes tests first');
      await note.press('Enter');
      await expect.poll(() => page.locator('.desk-note').count(), WAIT).toBe(2);
      const typedAt = await page.evaluate(() => (window as unknown as { enterPressedAt: number[] }).enterPressedAt);

      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      onTestFinished(() => void db.close());
      const notes = db
        .prepare(
          'SELECT text, question_index, author, created_at, cloud_session_id, cloud_ms, local_recording_id, local_ms FROM notes ORDER BY created_at',
        )
        .all() as NoteRow[];
      const session = db.prepare("SELECT id, started_at FROM cloud_sessions WHERE backend = 'agora'").get() as {
        id: string;
        started_at: string;
      };
      expect(notes.map((n) => [n.text, n.question_index, n.author, n.cloud_session_id])).toEqual([
        ['Explains the project clearly', null, 'Grace Hopper', session.id],
        ['Writes tests first', 1, 'Grace Hopper', session.id],
      ]);
      notes.forEach((row, i) => {
        expect(Math.abs(Date.parse(row.created_at) - typedAt[i]!)).toBeLessThanOrEqual(NOTE_SLACK_MS);
        expect(Math.abs(row.cloud_ms! - (typedAt[i]! - Date.parse(session.started_at)))).toBeLessThanOrEqual(NOTE_SLACK_MS);
      });

      // The backend goes away while the cloud records: the indicator stops claiming a recording and says why; the
      // stop is kept (stop pending) and delivered once the backend is back.
      const outage = { from: Date.now(), to: 0 };
      await dev.stop();
      await expect.poll(() => indicator.getAttribute('data-health'), WAIT).toBe('backend-unreachable');
      expect(await indicator.innerText()).toContain('Not recording: the backend did not answer');
      await expectAccessible(page, 'desk-backend-down');
      await page.getByRole('button', { name: 'Stop cloud recording' }).click();
      await expect.poll(() => indicator.getAttribute('data-health'), WAIT).toBe('stop-pending');
      await dev.restart();
      outage.to = Date.now();
      await expect.poll(() => received(dev.backend, 'POST', '/api/agora/recording/stop').length, { ...WAIT, timeout: 120_000 }).toBe(1);
      await expect.poll(() => indicator.getAttribute('data-health'), WAIT).toBe('stopped');
      expect(await indicator.innerText()).toContain('Cloud recording stopped');
      await expectAccessible(page, 'desk-recording-stopped');

      await page.getByRole('button', { name: 'Leave the call' }).click();
      await page.getByRole('heading', { level: 1, name: 'You left the call' }).waitFor();
      await expect.poll(() => page.locator('.desk-note').count(), WAIT).toBe(2);
      await expectAccessible(page, 'desk-left');
      await expectBackupOfTheCall(db, s3, notes, typedAt, outage);

      // The scorecard after the call: a question and a competency rated with reasons, and the recommendation.
      const rows = page.locator('.desk-rating');
      await rows.nth(0).getByLabel('Rating').selectOption({ label: '4 of 5' });
      await rows.nth(0).getByLabel('Reason').fill('Concrete and honest');
      await page.getByRole('button', { name: 'Add a competency' }).click();
      await rows.nth(2).getByLabel('Competency name').fill('Communication');
      await rows.nth(2).getByLabel('Rating').selectOption({ label: '5 of 5' });
      await page.getByLabel('Overall recommendation').selectOption({ label: 'Yes' });
      await page.getByRole('button', { name: 'Save the scorecard' }).click();
      await expect.poll(() => page.locator('.desk-scorecard [role=status]').textContent(), WAIT).toMatch(/^Saved /);
      expect(db.prepare('SELECT recommendation FROM scorecards').all()).toEqual([{ recommendation: 'yes' }]);
      expect(db.prepare('SELECT question_index, competency, rating, reason FROM scorecard_ratings ORDER BY id').all()).toEqual([
        { question_index: 0, competency: null, rating: 4, reason: 'Concrete and honest' },
        { question_index: null, competency: 'Communication', rating: 5, reason: '' },
      ]);

      // The ways in by hand: the home screen's "Join as interviewer", then a schedule id, or a call by its channel.
      const prejoin = page.getByRole('heading', { level: 1, name: 'Before you join' });
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Join as interviewer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Join as interviewer' }).waitFor();
      await expectAccessible(page, 'desk-entry');
      await page.getByLabel('Schedule id').fill('sch-7');
      await page.getByRole('button', { name: 'Open the schedule' }).click();
      await prejoin.waitFor({ timeout: 30_000 });
      await expect.poll(() => details.innerText()).toContain('Desk test interview');
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Join as interviewer' }).click();
      await page.getByLabel('Call service').selectOption({ label: 'Development call server' });
      await page.getByLabel('Channel or room').fill(CHANNEL);
      await page.getByRole('button', { name: 'Open the call' }).click();
      await prejoin.waitFor({ timeout: 30_000 });
      // Only the call is known: the name is the configured one, and the candidate is seen in it.
      await expect.poll(() => details.innerText()).toContain('Configured Name (Hiring manager)');
      await expect.poll(() => page.locator('.desk-presence').textContent(), WAIT).toContain('The candidate is in the call');
      expect(pageErrors).toEqual([]);
    },
  );
});
