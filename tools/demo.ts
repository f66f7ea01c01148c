// `npm run demo`: the whole product once, unattended — the practice interview, here naming an Agora channel, is
// taken in headless Chromium with fake camera and microphone files, through the real UI and the real
// main-process services, for about --seconds in all (with --retakes of question 1), then finalized and uploaded
// to the local S3 `npm start` runs; meanwhile the Agora cloud recording is registered, queried and stopped on
// the development backend. Prints the final file(s), duration, sha256, the bucket, key and verified size of the
// upload, the catalog, and the `recording_url` — as text, or as one JSON document with --json (see --help).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../test/support/built';
import { beginInterview } from '../test/support/candidate-flow';
import { launchChromium } from '../test/support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../test/support/fake-devices';
import { startApp } from '../test/support/start-app';
import { testEnv } from '../test/support/test-paths';
import { checkFakeDevices, DemoUsageError, parseDemoArgs, USAGE, type DemoOptions } from './demo/options';
import { agoraSession, cloudHealth, fileOf, recordingIn, uploadOf } from './demo/app-state';
import { openInterviewerDesk, type InterviewerDesk } from './demo/interviewer-desk';
import { devBackendUrl, joinAsPeer, peerMedia, type RemoteView } from './demo/live-peer';
import { demoPlan } from './demo/plan';
import { describeText, type DemoResult } from './demo/result';
import { startSharedServices, type SharedServices } from './demo/shared-services';
import { takeInterview } from './demo/take-interview';

const SCHEDULE_ID = 'demo-schedule';

/** The other participant of a live interview: a bare call page, or with --interviewer the interviewer's desk. */
interface OtherParticipant {
  /** The candidate finished: what the other participant received of them. */
  finish(): Promise<RemoteView>;
  close(): Promise<void>;
}

/** The native module and dist/ are built before any timer starts: a first run after `npm ci` compiles for minutes. */
function buildFirst(): void {
  for (const script of ['tools/native/ensure.mjs', 'tools/build.mjs']) {
    // Their progress goes to stderr, keeping stdout for the result.
    const result = spawnSync(process.execPath, [script], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status ?? result.signal}); see above.`);
  }
}

async function runDemo(options: DemoOptions): Promise<void> {
  // With --json, stdout carries the result alone.
  const log = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  buildFirst();
  // The generated devices and script live beside the data: in a fresh folder, or in the given data folder.
  const given = process.env.IREC_DATA_DIR;
  const root = given ? path.join(given, 'demo-input') : fs.mkdtempSync(path.join(os.tmpdir(), 'irec-demo-'));
  fs.mkdirSync(root, { recursive: true });
  const dataDir = given ?? testEnv(root).IREC_DATA_DIR!;
  log(`Demo data folder: ${dataDir}`);
  const generated = await makeFakeMedia(root);
  const camera = options.fakeVideo ? path.resolve(options.fakeVideo) : generated.camera;
  const microphone = options.fakeAudio ? path.resolve(options.fakeAudio) : generated.microphone;
  const channel = `interview_demo_${Date.now()}`;
  const plan = demoPlan(options.seconds, options.retakes, {
    id: options.live ? 'demo-live' : 'demo-agora',
    scheduleId: SCHEDULE_ID,
    agoraChannel: channel,
    // The candidate joins the channel the Agora cloud recording records, on the development call server.
    ...(options.live && { live: { provider: 'dev' as const } }),
  });
  const script = path.join(root, 'demo-interview.json');
  fs.writeFileSync(script, JSON.stringify(plan.script, null, 2));

  // With --interviewer, the two apps share one backend and bucket (started here); otherwise npm start runs its own.
  const services: SharedServices | undefined = options.interviewer ? await startSharedServices(root) : undefined;
  const env = { ...(given ? process.env : testEnv(root)), ...services?.env };
  // Chromium offers loopback ICE candidates (the development call server's) only with this flag.
  const callFlags = options.live ? ['--allow-loopback-in-peer-connection'] : [];
  // If either fails to start, what did start ends with this process (Playwright's and spawnGroup's exit hooks).
  const [browser, app] = await Promise.all([
    launchChromium([...fakeDeviceArgs({ camera, microphone }), ...callFlags]),
    startApp(env, ['--no-open', '--port', '0', '--script', script]),
  ]);
  let peer: OtherParticipant | undefined;
  let desk: InterviewerDesk | undefined;
  try {
    if (options.live) {
      const video = options.peerFakeVideo && path.resolve(options.peerFakeVideo);
      const audio = options.peerFakeAudio && path.resolve(options.peerFakeAudio);
      if (services) {
        const media = await peerMedia(root, video, audio);
        const dir = path.join(root, 'interviewer');
        peer = desk = await openInterviewerDesk({ dir, env: services.env, script: plan.script, media, log });
      } else {
        peer = await joinAsPeer({ dir: root, backendUrl: devBackendUrl(app.output()), channel, video, audio });
      }
      log(`The other participant is in the call ${channel} (camera ${video ?? 'green'}, microphone ${audio ?? '1200 Hz'}).`);
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    log(
      `App running at ${app.url}; taking the practice interview: about ${options.seconds} s over ${plan.takes.length} answers ` +
        `(${(plan.takeMs / 1000).toFixed(1)} s each, question played included), camera ${camera}, microphone ${microphone}`,
    );
    await beginInterview(page, await app.launchUrl());
    // The Agora health query as the interview screen shows it, sampled while the interview runs.
    let health: string | undefined;
    const healthPoll = setInterval(
      () =>
        void cloudHealth(page).then(
          (h) => (health = h ?? health),
          () => undefined,
        ),
      2000,
    );
    try {
      await Promise.all([takeInterview(page, plan, log), desk?.takeNotes(plan)]);
    } finally {
      clearInterval(healthPoll);
    }
    const remote = await peer?.finish();
    if (remote && remote.framesDecoded === 0) {
      throw new Error(
        `the other participant received no video from the candidate (${await page.locator('.live-call-status').textContent()})`,
      );
    }
    await page.locator('#finish-title').waitFor({ timeout: 60_000 });
    const [summary] = await page.evaluate(() => window.api.listRecordings({ limit: 1 }));
    log('Recorded; finalizing…');
    await recordingIn(page, summary!.id, 'finalized');
    log('Finalized; uploading to the bucket…');
    const detail = await recordingIn(page, summary!.id, 'uploaded');
    const agora = await agoraSession(page, detail.interviewId);
    const interviewer = (await desk?.outcome()) ?? null;
    const result: DemoResult = {
      recordingId: detail.id,
      scheduleId: SCHEDULE_ID,
      state: detail.state,
      recordedSeconds: (detail.durationMs ?? 0) / 1000,
      retakes: options.retakes,
      files: detail.outputs.map(fileOf),
      durationSeconds: detail.outputs.reduce((sum, o) => sum + o.durationMs, 0) / 1000,
      upload: await uploadOf(page, detail.id),
      catalog: path.join(dataDir, 'catalog.sqlite'),
      dataDir,
      call: remote ? { provider: 'dev', channel, remote } : null,
      agora: {
        channel: agora.target,
        uid: agora.uid,
        resourceId: agora.recording?.resourceId ?? null,
        sid: agora.recording?.sid ?? null,
        health: health ?? null,
        files: agora.files.map((file) => file.filename),
        recordingUrl: agora.recordingUrl ?? null,
      },
      interviewer,
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else describeText(result, log);
  } finally {
    await peer?.close();
    await browser.close();
    await app.stop();
    await services?.close();
  }
}

function main(): Promise<void> {
  let options: DemoOptions;
  try {
    options = parseDemoArgs(process.argv.slice(2));
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return Promise.resolve();
    }
    checkFakeDevices(options);
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    process.stderr.write(`npm run demo: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  // Everything the demo started is closed by now, but with --interviewer the call server runs in this process and
  // its WebRTC library (werift) leaves a few ICE UDP sockets open after closing its connections: exit regardless.
  return runDemo(options).then(() => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${(error as Error).message}`);
  process.exit(1);
});
