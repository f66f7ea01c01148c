// A live interview end to end: the app in the browser host (npm start's script) with a script that names a call
// through the development call server, the candidate in one headless Chromium and the interviewer in another, each
// with fake devices of their own. The interviewer must decode the candidate's camera (frames, a red|blue pattern)
// and hear the candidate's microphone; the cloud recording must start only once the candidate is in the call; the
// relay stopped for 20 s must be survived by itself, as one proctoring event, with no gap in the local recording.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { CallEvent } from '../../src/renderer/features/call/interview-call';
import { serveBrowserBundle, type ServedBundle } from '../support/browser-bundle';
import { callParticipant, devCallTokens, participantMedia } from '../support/call-pages';
import { beginInterview, finishInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { devBackend, received } from '../support/dev-backend';
import { BROKEN_FPS, CAMERA_FPS, fakeDeviceArgs, MIC_HZ } from '../support/fake-devices';
import { framesBetween, probeVideo } from '../support/media-analysis';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';
import { unexpectedErrors } from '../support/console-errors';

const CHANNEL = 'e2e-live-1';
const INTERVIEWER_HZ = 1200;
/** The candidate's camera: red left half, blue right half, 30 fps. The interviewer's: green. */
const SPLIT = `color=c=red:size=640x480:rate=${CAMERA_FPS},drawbox=x=320:y=0:w=320:h=480:color=blue:t=fill`;
const GREEN = `color=c=green:size=640x480:rate=${CAMERA_FPS}`;
const WAIT = { timeout: 60_000, interval: 250 };
const DOWN_MS = 20_000;

let bundle: ServedBundle;
beforeAll(async () => {
  bundle = await serveBrowserBundle(path.join(import.meta.dirname, '../support/dev-call-page.ts'));
}, 60_000);
afterAll(() => bundle?.close());

const peerEvents = (page: Page): Promise<CallEvent[]> => page.evaluate(() => window.callPage.events());
const framesFrom = (page: Page, id: string) => page.evaluate(async (who) => (await window.callPage.stats()).framesDecoded[who] ?? 0, id);
const callLine = (page: Page) => page.locator('.live-call-status');
/** The call's status line, and the provider's detail behind it (its title) to say why when a check fails. */
const callStatus = async (page: Page) => `${await callLine(page).textContent()} [${(await callLine(page).getAttribute('title')) ?? ''}]`;

async function expectFramesFlowing(page: Page, id: string) {
  await expect.poll(() => framesFrom(page, id), WAIT).toBeGreaterThan(0);
  const before = await framesFrom(page, id);
  await expect.poll(() => framesFrom(page, id), WAIT).toBeGreaterThan(before + 10);
}

/** The candidate's pattern as the interviewer received it: red on the left, blue on the right. */
async function expectSplitPicture(page: Page, id: string) {
  const colour = (region: { x: number; y: number; width: number; height: number }) =>
    page.evaluate(([who, r]) => window.callPage.meanColour(who, r), [id, region] as const);
  const red = (c: { r: number; g: number; b: number } | null) => !!c && c.r > 150 && c.g < 90 && c.b < 90;
  const blue = (c: { r: number; g: number; b: number } | null) => !!c && c.b > 150 && c.r < 90 && c.g < 90;
  await expect
    .poll(
      async () =>
        red(await colour({ x: 0.1, y: 0.2, width: 0.3, height: 0.6 })) && blue(await colour({ x: 0.6, y: 0.2, width: 0.3, height: 0.6 })),
      WAIT,
    )
    .toBe(true);
}

/** dB by which the candidate's tone is louder than the interviewer's own in what the interviewer hears. */
async function candidateToneOverOwn(page: Page, id: string): Promise<number> {
  const [candidate, own] = await page.evaluate(([who, hz]) => window.callPage.toneLevels(who, hz), [id, [MIC_HZ, INTERVIEWER_HZ]] as const);
  return candidate! - own!;
}

async function startLiveApp(root: string, env: Record<string, string>) {
  const script = path.join(root, 'interview.json');
  fs.writeFileSync(
    script,
    JSON.stringify({
      id: 'e2e-live',
      title: 'Live interview test',
      candidateName: 'Test Candidate',
      // The development call joins the channel the (development) Agora cloud recording is registered for.
      agoraChannel: CHANNEL,
      live: { provider: 'dev' },
      questions: [{ text: 'Tell us about a project you are proud of.', thinkSeconds: 1, answerSeconds: 300 }],
    }),
  );
  const app = await startApp(testEnv(root, env), ['--no-open', '--port', '0', '--script', script]);
  onTestFinished(() => app.stop());
  return app;
}

describe('a live interview through the development call server', () => {
  it(
    'is seen and heard by the interviewer, starts the cloud recording once in the call, and survives a 20 s drop',
    { timeout: 420_000 },
    async () => {
      const root = tempDir('irec-live-');
      const dev = await devBackend();
      const candidateMedia = await participantMedia(root, 'candidate', SPLIT, MIC_HZ);
      const interviewerMedia = await participantMedia(root, 'interviewer', GREEN, INTERVIEWER_HZ);
      const app = await startLiveApp(root, dev.backend.env);
      const browser = await launchChromium([...fakeDeviceArgs(candidateMedia), '--allow-loopback-in-peer-connection']);
      onTestFinished(() => browser.close());
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const consoleErrors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

      // The call service refuses the first token: the candidate is told, the interview records, nothing is registered.
      dev.backend.setFault({ backend: 'call', mode: 'http500', times: 1 });
      await beginInterview(page, await app.launchUrl()).catch(async (error: unknown) => {
        await page.screenshot({ path: '/tmp/w1-live-fail.png' });
        throw error;
      });
      await expect.poll(() => callStatus(page), WAIT).toContain('Cannot reach the development call server');
      await page.getByText('Question 1 of 1').waitFor();
      expect(received(dev.backend, 'POST', '/api/agora/recording/start')).toEqual([]);

      // The next attempt (10 s later) joins; then, and only then, the cloud recording of the channel is started.
      await expect.poll(() => callStatus(page), WAIT).toContain('In the call');
      await expect.poll(() => received(dev.backend, 'POST', '/api/agora/recording/start').length, WAIT).toBe(1);

      const interviewer = await callParticipant(bundle.url, interviewerMedia, devCallTokens(dev.backend.callTokenUrl));
      expect(
        await interviewer.page.evaluate((r) => window.callPage.join(r), {
          serverUrl: dev.backend.url,
          room: CHANNEL,
          participantId: 'interviewer',
          timeoutMs: 10_000,
        }),
      ).toEqual({ ok: true });
      const candidate = (await peerEvents(interviewer.page)).find((e) => e.type === 'participant-joined')!;
      expect(candidate).toMatchObject({ participant: { id: expect.stringMatching(/^candidate-\d+$/), hasAudio: true, hasVideo: true } });
      const candidateId = candidate.type === 'participant-joined' ? candidate.participant.id : '';
      await interviewer.page.evaluate((id) => window.callPage.show(id), candidateId);

      await expectFramesFlowing(interviewer.page, candidateId);
      await expectSplitPicture(interviewer.page, candidateId);
      await expect.poll(() => candidateToneOverOwn(interviewer.page, candidateId), WAIT).toBeGreaterThan(20);
      // The candidate sees and hears the interviewer: their video plays, with an audio track, on the interview screen.
      const remote = page.getByLabel('The interviewer');
      await expect
        .poll(
          () => remote.evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && (v.srcObject as MediaStream).getAudioTracks().length),
          WAIT,
        )
        .toBe(1);

      // The relay goes away for 20 s (a deploy, a crash) and comes back on the same port.
      await dev.stop();
      await expect.poll(() => callStatus(page), WAIT).toMatch(/Reconnecting to the call… \(down for \d+ s\)/);
      await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
      expect(await callLine(page).textContent()).toMatch(/down for (1\d|2\d) s/);
      await dev.restart();
      await expect.poll(() => callStatus(page), WAIT).toContain('In the call');
      await expectFramesFlowing(interviewer.page, candidateId);

      await finishInterview(page);
      await page.getByRole('heading', { level: 1, name: 'Submitted ✓' }).waitFor({ timeout: 150_000 });

      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      onTestFinished(() => void db.close());
      const recording = db.prepare('SELECT id, duration_ms, state FROM recordings').get() as {
        id: string;
        duration_ms: number;
        state: string;
      };
      const events = (
        db.prepare('SELECT kind, data FROM events WHERE recording_id = ? ORDER BY id').all(recording.id) as Array<{
          kind: string;
          data: string;
        }>
      ).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, number | string | boolean> }));
      const drops = events.filter((e) => e.kind === 'call.dropped');
      expect(drops).toEqual([
        { kind: 'call.dropped', data: expect.objectContaining({ provider: 'dev', recovered: true, reason: 'dropped' }) },
      ]);
      const drop = drops[0]!.data as { downMs: number; mediaMs: number };
      expect(drop.downMs).toBeGreaterThanOrEqual(DOWN_MS);
      expect(drop.downMs).toBeLessThan(DOWN_MS + 30_000);

      // The local recording is the master: one segment, the camera's frame rate kept, no gap while the call was down.
      const segments = db.prepare('SELECT file_path FROM segments WHERE recording_id = ?').all(recording.id) as Array<{
        file_path: string;
      }>;
      expect(segments).toHaveLength(1);
      const probe = await probeVideo(segments[0]!.file_path);
      const downFrom = (drop.mediaMs - drop.downMs) / 1000;
      const downTo = drop.mediaMs / 1000;
      const fps = probe.frameCount / probe.durationSec;
      const fpsWhileDown = framesBetween(probe.frameTimes, downFrom, downTo) / (downTo - downFrom);
      const gaps = probe.frameTimes.slice(1).map((t, i) => ({ at: probe.frameTimes[i]!, gap: t - probe.frameTimes[i]! }));
      const longest = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
      const longestGap = longest.gap;
      const askedAt = (events.find((e) => e.kind === 'question.start')?.data.mediaMs as number) / 1000;
      console.log(
        `live interview: ${probe.frameCount} frames in ${probe.durationSec.toFixed(2)} s (${fps.toFixed(1)} fps), ` +
          `${fpsWhileDown.toFixed(1)} fps while the call was down ${(drop.downMs / 1000).toFixed(1)} s, longest gap ${(longestGap * 1000).toFixed(0)} ms at ${longest.at.toFixed(1)} s ` +
          `(question asked at ${askedAt.toFixed(1)} s, call down ${downFrom.toFixed(1)}–${downTo.toFixed(1)} s)`,
      );
      expect(recording.state).toBe('uploaded');
      expect(Math.abs(probe.durationSec - recording.duration_ms / 1000)).toBeLessThanOrEqual(0.5);
      // Unaffected in kind: no hole of a second anywhere, the duration and the chunks. What the call costs in frames
      // is the bench's figure (npm run bench -- call, goal: none): these two shared cores also run the relay and the
      // other participant's browser, which a real call runs elsewhere, and other work (29.9 fps idle, 24.3 fps on a
      // busy CI run). Below 60 % of the camera's rate the compositor is broken (stalled, or driven by a timer), not
      // merely slowed, while the call was up and while it was down.
      expect(fpsWhileDown).toBeGreaterThanOrEqual(BROKEN_FPS);
      expect(fps).toBeGreaterThanOrEqual(BROKEN_FPS);
      expect(longestGap).toBeLessThan(1);
      const chunks = db.prepare('SELECT COUNT(*) AS n FROM chunks WHERE recording_id = ?').get(recording.id) as { n: number };
      expect(chunks.n).toBeGreaterThanOrEqual(Math.floor(probe.durationSec) - 1);
      // The relay's outage logs WebSocket errors.
      expect(unexpectedErrors(consoleErrors, /WebSocket|ERR_CONNECTION_REFUSED/)).toEqual([]);
    },
  );
});
