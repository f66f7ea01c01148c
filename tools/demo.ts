// `npm run demo`: the whole product once, unattended — the bundled three-question practice interview, here
// naming an Agora channel, is taken in headless Chromium with a synthetic camera and microphone, through the real
// UI and the real main-process services, then finalized and uploaded to the local S3 `npm start` runs; meanwhile
// the Agora cloud recording is registered, queried and stopped on the development backend. Prints the final
// file, its duration, its sha256, the bucket, key and verified size of the upload, and the `recording_url`.
// Data goes to a fresh folder (printed) unless IREC_DATA_DIR is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudSession } from '../src/shared/domain/cloud';
import type { RecordingDetail } from '../src/shared/domain/recording';
import { DEMO_SCRIPT } from '../src/shared/interview/demo-script';
import type { UploadProgress } from '../src/shared/domain/upload';
import type { Page } from 'playwright-core';
import { formatBytes, formatDuration } from '../src/shared/format';
import { beginInterview } from '../test/support/candidate-flow';
import { launchChromium } from '../test/support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../test/support/fake-devices';
import { startApp } from '../test/support/start-app';
import { testEnv } from '../test/support/test-paths';

const ANSWER_SECONDS = 4;
const AGORA_CHANNEL = `interview_demo_${Date.now()}`;
const SCHEDULE_ID = 'demo-schedule';

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
async function agoraSession(page: Page, interviewId: string): Promise<CloudSession> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const sessions: CloudSession[] = await page.evaluate((id) => window.api.getCloudSessions({ interviewId: id }), interviewId);
    const agora = sessions.find((session) => session.backend === 'agora');
    if (agora && ['done', 'failed', 'missed'].includes(agora.state)) {
      if (agora.state !== 'done') throw new Error(`the Agora cloud recording ended ${agora.state}: ${agora.error}`);
      return agora;
    }
    if (Date.now() > deadline) throw new Error(`the Agora cloud recording did not finish in time (${agora?.state ?? 'no session'})`);
    await page.waitForTimeout(500);
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-demo-'));
  const env = process.env.IREC_DATA_DIR ? process.env : testEnv(root);
  console.log(`Demo data folder: ${env.IREC_DATA_DIR}`);
  const media = await makeFakeMedia(root);
  const script = path.join(root, 'demo-interview.json');
  fs.writeFileSync(
    script,
    JSON.stringify({ ...DEMO_SCRIPT, id: 'demo-agora', scheduleId: SCHEDULE_ID, agoraChannel: AGORA_CHANNEL }, null, 2),
  );
  const [browser, app] = await Promise.all([
    launchChromium(fakeDeviceArgs(media)),
    startApp(env, ['--no-open', '--port', '0', '--script', script]),
  ]);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    console.log(`App running at ${app.url}; taking the practice interview (answers of ${ANSWER_SECONDS} s)…`);
    await beginInterview(page, app.url);
    let health: string | undefined;
    for (let question = 1; question <= 3; question++) {
      await page.getByText(`Question ${question} of 3`).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Start answering now' }).click({ timeout: 60_000 });
      await page.waitForTimeout(ANSWER_SECONDS * 1000);
      health = (await cloudHealth(page)) ?? health;
      await page.getByRole('button', { name: question === 3 ? 'Finish interview' : 'Next question' }).click();
      console.log(`  answered question ${question}`);
    }
    await page.getByText('Thank you — your interview is recorded').waitFor({ timeout: 60_000 });
    console.log('Recorded; finalizing…');
    await page.getByText('Video file ready and verified').waitFor({ timeout: 120_000 });
    const [summary] = await page.evaluate(() => window.api.listRecordings({ limit: 1 }));
    const detail: RecordingDetail = await page.evaluate((recordingId) => window.api.getRecording({ recordingId }), summary!.id);
    for (const output of detail.outputs) {
      console.log(`\nFinal file: ${output.filePath}`);
      console.log(
        `Duration:   ${formatDuration(output.durationMs)} (${(output.durationMs / 1000).toFixed(2)} s), ${formatBytes(output.size)}`,
      );
      console.log(`sha256:     ${output.sha256}`);
    }
    console.log('\nUploading to the local S3…');
    await page.getByText('Uploaded and verified').waitFor({ timeout: 120_000 });
    const upload: UploadProgress = await page.evaluate((recordingId) => window.api.getUploadProgress({ recordingId }), detail.id);
    console.log(`Bucket:     ${upload.bucket}`);
    console.log(`Key:        ${upload.key}`);
    console.log(
      `Verified:   ${formatBytes(upload.keySize ?? 0)} (${upload.keySize} bytes; size and MD5 in the bucket match the local file)`,
    );
    const agora = await agoraSession(page, detail.interviewId);
    console.log(`\nAgora channel: ${agora.target} (recording bot uid ${agora.uid}, schedule ${agora.scheduleId})`);
    console.log(`Registered:    resource ID ${agora.resourceId?.slice(0, 24)}…, sid ${agora.remoteId}`);
    console.log(`Health query:  ${health ?? 'none answered during the interview'}`);
    console.log(`Stopped:       ${agora.files.map((file) => file.filename).join(', ')}`);
    console.log(`recording_url: ${agora.recordingUrl}`);
    console.log(`\nMore: npm run -s irec -- recordings show ${detail.id} --data-dir ${env.IREC_DATA_DIR}`);
    console.log(`     npm run -s irec -- cloud list --data-dir ${env.IREC_DATA_DIR}`);
  } finally {
    await browser.close();
    app.process.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${(error as Error).message}`);
  process.exit(1);
});
