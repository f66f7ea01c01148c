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
import type { Page } from 'playwright-core';
import type { AgoraSession, CloudSession } from '../src/shared/domain/cloud';
import type { RecordingDetail } from '../src/shared/domain/recording';
import type { UploadProgress } from '../src/shared/domain/upload';
import { projectRoot } from '../test/support/built';
import { beginInterview } from '../test/support/candidate-flow';
import { launchChromium } from '../test/support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../test/support/fake-devices';
import { startApp } from '../test/support/start-app';
import { testEnv } from '../test/support/test-paths';
import { checkFakeDevices, DemoUsageError, parseDemoArgs, USAGE, type DemoOptions } from './demo/options';
import { devBackendUrl, joinAsPeer, type DemoPeer } from './demo/live-peer';
import { demoPlan } from './demo/plan';
import { describeText, type DemoResult } from './demo/result';
import { takeInterview } from './demo/take-interview';

const SCHEDULE_ID = 'demo-schedule';
const FINISH_TIMEOUT_MS = 180_000;

/** The native module and dist/ are built before any timer starts: a first run after `npm ci` compiles for minutes. */
function buildFirst(): void {
  for (const script of ['tools/native/ensure.mjs', 'tools/build.mjs']) {
    // Their progress goes to stderr, keeping stdout for the result.
    const result = spawnSync(process.execPath, [script], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status ?? result.signal}); see above.`);
  }
}

/** What the app last heard from the Agora backend's query while the interview runs, as the interview screen shows it. */
async function cloudHealth(page: Page): Promise<string | undefined> {
  const sessions: CloudSession[] = await page.evaluate(async () => {
    const [latest] = await window.api.listRecordings({ limit: 1 });
    return latest ? window.api.getCloudSessions({ interviewId: latest.interviewId }) : [];
  });
  const agora = sessions.find((session) => session.backend === 'agora' && session.statusCode !== null);
  return agora ? `status ${agora.statusCode}, ${agora.statusText} (checked ${agora.checkedAt})` : undefined;
}

/** The interview's Agora session once its stop went through (the outbox delivers it right after the interview). */
async function agoraSession(page: Page, interviewId: string): Promise<AgoraSession> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const sessions: CloudSession[] = await page.evaluate((id) => window.api.getCloudSessions({ interviewId: id }), interviewId);
    const agora = sessions.find((session): session is AgoraSession => session.backend === 'agora');
    if (agora && ['done', 'failed', 'missed'].includes(agora.state)) {
      if (agora.state !== 'done') throw new Error(`the Agora cloud recording ended ${agora.state}: ${agora.error}`);
      return agora;
    }
    if (Date.now() > deadline) throw new Error(`the Agora cloud recording did not finish in time (${agora?.state ?? 'no session'})`);
    await page.waitForTimeout(500);
  }
}

/** The recording once it reaches `state`; a failed finalize ends the demo with its reason. */
async function recordingIn(page: Page, recordingId: string, state: 'finalized' | 'uploaded'): Promise<RecordingDetail> {
  const wanted = state === 'finalized' ? ['finalized', 'uploaded'] : ['uploaded'];
  const deadline = Date.now() + FINISH_TIMEOUT_MS;
  for (;;) {
    const detail: RecordingDetail = await page.evaluate((id) => window.api.getRecording({ recordingId: id }), recordingId);
    if (wanted.includes(detail.state)) return detail;
    if (detail.state === 'failed') throw new Error(`the recording ${recordingId} failed to finalize: ${detail.error}`);
    if (Date.now() > deadline) throw new Error(`the recording ${recordingId} did not become ${state} in time (it is ${detail.state})`);
    await page.waitForTimeout(500);
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
  const env = given ? process.env : testEnv(root);
  const dataDir = env.IREC_DATA_DIR!;
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

  // Chromium offers loopback ICE candidates (the development call server's) only with this flag.
  const callFlags = options.live ? ['--allow-loopback-in-peer-connection'] : [];
  const [browser, app] = await Promise.all([
    launchChromium([...fakeDeviceArgs({ camera, microphone }), ...callFlags]),
    startApp(env, ['--no-open', '--port', '0', '--script', script]),
  ]);
  let peer: DemoPeer | undefined;
  try {
    if (options.live) {
      const video = options.peerFakeVideo && path.resolve(options.peerFakeVideo);
      const audio = options.peerFakeAudio && path.resolve(options.peerFakeAudio);
      peer = await joinAsPeer({ dir: root, backendUrl: devBackendUrl(app.output()), channel, video, audio });
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
      await takeInterview(page, plan, log);
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
    const upload: UploadProgress = await page.evaluate((recordingId) => window.api.getUploadProgress({ recordingId }), detail.id);
    const agora = await agoraSession(page, detail.interviewId);
    const result: DemoResult = {
      recordingId: detail.id,
      scheduleId: SCHEDULE_ID,
      state: detail.state,
      recordedSeconds: (detail.durationMs ?? 0) / 1000,
      retakes: options.retakes,
      files: detail.outputs.map((o) => ({
        path: o.filePath,
        container: o.container,
        durationSeconds: o.durationMs / 1000,
        sizeBytes: o.size,
        sha256: o.sha256,
      })),
      durationSeconds: detail.outputs.reduce((sum, o) => sum + o.durationMs, 0) / 1000,
      upload: { bucket: upload.bucket ?? '', key: upload.key ?? '', verifiedSize: upload.keySize ?? 0 },
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
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else describeText(result, log);
  } finally {
    await peer?.close();
    await browser.close();
    await app.stop();
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
  return runDemo(options);
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${(error as Error).message}`);
  process.exit(1);
});
