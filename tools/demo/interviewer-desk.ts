// The interviewer of `npm run demo -- --live --interviewer`: the app's real interviewer's desk, in an app host of
// its own (its own data folder: catalog, backup and notes are its own, as on another computer) and a headless
// Chromium with the --peer-… devices, both at the lowest CPU priority. It opens the deep link, joins the call (the
// local backup starts by itself), starts the cloud recording after the confirmation, types two notes while the
// candidate answers, then stops the cloud recording and leaves; its outcome is read back through window.api.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Note } from '../../src/shared/domain/notes';
import type { RecordingSummary } from '../../src/shared/domain/recording';
import type { ParticipantMedia } from '../../test/support/call-participant';
import { launchChromium } from '../../test/support/chromium';
import { fakeDeviceArgs } from '../../test/support/fake-devices';
import { livePidsOfGroup } from '../../test/support/process-group';
import { asAnotherComputer, runAtLowestPriority } from '../../test/support/process-priority';
import { startApp, type StartedApp } from '../../test/support/start-app';
import { testEnv, testPaths } from '../../test/support/test-paths';
import { agoraSession, fileOf, recordingIn, uploadOf } from './app-state';
import { serveInvite } from './invite-host';
import type { RemoteView } from './live-peer';
import type { DemoPlan } from './plan';
import type { InterviewerResult } from './result';

const NAME = 'Demo Interviewer';
const STEP_TIMEOUT_MS = 60_000;
/** The candidate's picture has settled once this many frames were shown. */
const SNAPSHOT_AFTER_FRAMES = 30;
/** The first note is unmarked; the second is marked for question 2 and typed while the candidate answers it. */
const NOTES = [
  { text: 'Clear, structured introduction', question: null },
  { text: 'Good example; ask about testing', question: 1 },
] as const;

export interface DeskOptions {
  /** The interviewer's own folder: data, settings, snapshot. */
  dir: string;
  /** The shared backend's and bucket's variables. */
  env: Record<string, string>;
  /** The candidate's script (the interviewer's invite serves it). */
  script: object;
  media: ParticipantMedia;
  log(line: string): void;
}

/** What the desk shows of the candidate: who, how many frames, one picture. */
async function lookAtCandidate(page: Page, view: RemoteView, snapshotFile: string): Promise<void> {
  const video = page.locator('.desk-candidate-video');
  if ((await video.count()) === 0) return;
  const frames = await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  view.framesDecoded = Math.max(view.framesDecoded, frames);
  // The participants list names the interviewer first, then the others.
  view.participantId ??= (await page.locator('.desk-participants li > span:first-child').nth(1).textContent()) ?? null;
  if (!view.snapshot && frames >= SNAPSHOT_AFTER_FRAMES) {
    await video.screenshot({ path: snapshotFile });
    view.snapshot = snapshotFile;
  }
}

async function addNote(page: Page, text: string, question: number | null): Promise<void> {
  if (question !== null) await page.locator('.desk-note-input select').selectOption({ label: `Question ${question + 1}` });
  const box = page.getByLabel('New note');
  await box.fill(text);
  await box.press('Enter');
}

/**
 * Joined, the backup recording and the cloud recording started. Before the candidate begins: the desk joins a bot
 * already recording the schedule's channel, so started after the candidate app's it would take over (and stop)
 * theirs; started first it is a bot of its own, and the candidate app starts its own as it always does.
 */
async function joinAndRecord(page: Page, launchUrl: string): Promise<void> {
  await page.goto(launchUrl);
  await page.getByRole('heading', { level: 1, name: 'Before you join' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Join the call' }).click();
  await page.locator('.desk-backup-status[data-state="recording"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Start cloud recording' }).click();
  // The confirm button takes clicks a moment after the dialog opens; click() waits for that.
  await page.getByRole('dialog', { name: 'Start the cloud recording?' }).getByRole('button', { name: 'Start recording' }).click();
  await page.locator('.desk-rec-indicator[data-health="recording"]').waitFor({ timeout: STEP_TIMEOUT_MS });
}

export async function openInterviewerDesk(options: DeskOptions) {
  const { dir, log } = options;
  const invite = await serveInvite(options.script);
  const paths = testPaths(dir);
  fs.mkdirSync(path.dirname(paths.userConfigFile), { recursive: true });
  fs.writeFileSync(
    paths.userConfigFile,
    JSON.stringify({ interview: { inviteHosts: [invite.host] }, interviewer: { role: 'Hiring manager' } }),
  );
  let app: StartedApp | undefined;
  let browser: Browser | undefined;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await browser?.close();
      await app?.stop();
      await invite.close();
    })());

  const view: RemoteView = { participantId: null, framesDecoded: 0, snapshot: null };
  const snapshotFile = path.join(dir, 'remote-snapshot.png');
  const look = () => lookAtCandidate(page, view, snapshotFile).catch(() => undefined);
  let page: Page;
  try {
    const args = ['--no-open', '--port', '0', '--link', invite.link(NAME)];
    app = await startApp(testEnv(dir, options.env), args, 'dist/host/main.cjs');
    runAtLowestPriority(livePidsOfGroup(app.group.pid));
    browser = await launchChromium([...fakeDeviceArgs(options.media), '--allow-loopback-in-peer-connection']);
    await asAnotherComputer(browser);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await joinAndRecord(page, await app.launchUrl());
    log(`The interviewer's desk (${app.url}, data ${paths.userDataDir}) is in the call, recording a backup and in the cloud.`);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    /** Types the notes while the candidate answers: the first mid-question 1, the second mid-question 2. */
    async takeNotes(plan: DemoPlan): Promise<void> {
      const startedAt = Date.now();
      const secondTake = plan.takes.findIndex((take) => take.question === 1);
      for (const [i, note] of NOTES.entries()) {
        const at = startedAt + ((i === 0 ? 0 : secondTake) + 0.5) * plan.takeMs;
        await page.waitForTimeout(Math.max(0, at - Date.now()));
        await addNote(page, note.text, note.question);
        await look();
        log(`  interviewer: noted "${note.text}"${note.question === null ? '' : ` (question ${note.question + 1})`}`);
      }
      await page
        .locator('.desk-note')
        .nth(NOTES.length - 1)
        .waitFor({ timeout: STEP_TIMEOUT_MS });
    },
    /** The candidate finished: stops the cloud recording and leaves the call; what the desk showed of the candidate. */
    async finish(): Promise<RemoteView> {
      await look();
      await page.getByRole('button', { name: 'Stop cloud recording' }).click();
      await page.locator('.desk-rec-indicator[data-health="stopped"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.getByRole('button', { name: 'Leave the call' }).click();
      await page.getByRole('heading', { level: 1, name: 'You left the call' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      return view;
    },
    /** Once the backup is uploaded and the cloud recording's files are known: what the interviewer delivered. */
    async outcome(): Promise<InterviewerResult> {
      const [backup]: RecordingSummary[] = await page.evaluate(() => window.api.listRecordings({ limit: 1 }));
      if (!backup) throw new Error("the interviewer's desk recorded no backup");
      log("Interviewer's backup recorded; finalizing and uploading…");
      const detail = await recordingIn(page, backup.id, 'uploaded');
      const file = detail.outputs[0];
      if (!file) throw new Error(`the interviewer's backup ${detail.id} was uploaded without a file`);
      const { container: _container, ...delivered } = fileOf(file);
      const agora = await agoraSession(page, detail.interviewId);
      const notes: Note[] = await page.evaluate((interviewId) => window.api.listNotes({ interviewId }), detail.interviewId);
      return {
        backup: { recordingId: detail.id, ...delivered, upload: await uploadOf(page, detail.id) },
        cloud: {
          backend: 'agora',
          channel: agora.target,
          recordingUrl: agora.recordingUrl ?? null,
          files: agora.files.map((f) => f.filename),
        },
        notes: notes.map((note) => ({ text: note.text, questionIndex: note.questionIndex, cloudMs: note.cloudMs, localMs: note.localMs })),
      };
    },
    close,
  };
}

export type InterviewerDesk = Awaited<ReturnType<typeof openInterviewerDesk>>;
