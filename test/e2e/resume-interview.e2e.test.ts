import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAndContinue, beginInterview, finishInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { localS3, objectDigest, type BucketAddress } from '../support/local-s3';
import { probeVideo, runMediaTool } from '../support/media-analysis';
import { RESUME_OFFER } from '../support/resume-flow';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';

const HOST = 'dist/host/main.cjs';

/** Three short questions without think time, so each answer starts as soon as its question has been asked. */
function writeScript(root: string): string {
  const file = path.join(root, 'resume-interview.json');
  const question = (text: string, answerSeconds: number) => ({ text, audio: 'question.wav', thinkSeconds: 0, answerSeconds, retakes: 0 });
  const questions = [question('Who are you?', 20), question('What did you build last?', 60), question('Any questions for us?', 20)];
  fs.writeFileSync(file, JSON.stringify({ id: 'resume-test', title: 'Resume test', candidateName: 'Ada', questions }));
  return file;
}

interface RecordingRow {
  id: string;
  state: string;
  duration_ms: number | null;
  sha256: string | null;
  error: string | null;
}

interface Delivered {
  segments: Array<{ seq: number; file_path: string }>;
  outputs: Array<{ seq: number; file_path: string; sha256: string }>;
  finalKeys: string[];
  questionStarts: number[];
}

function deliveredOf(root: string, recordingId: string): Delivered {
  const catalog = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
  try {
    const all = <T>(sql: string) => catalog.prepare(sql).all(recordingId) as T[];
    return {
      segments: all('SELECT seq, file_path FROM segments WHERE recording_id = ? ORDER BY seq'),
      outputs: all('SELECT seq, file_path, sha256 FROM recording_outputs WHERE recording_id = ? ORDER BY seq'),
      finalKeys: all<{ key: string }>(
        "SELECT object_key AS key FROM upload_jobs WHERE recording_id = ? AND kind = 'final' ORDER BY segment_seq",
      ).map((row) => row.key),
      questionStarts: all<{ i: number }>(
        `SELECT json_extract(data, '$.index') AS i FROM events WHERE recording_id = ? AND kind = 'question.start' ORDER BY at, id`,
      ).map((row) => row.i),
    };
  } finally {
    catalog.close();
  }
}

const streamsOf = async (file: string) =>
  String(
    await runMediaTool('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,width,height', '-of', 'csv=p=0', file]),
  )
    .trim()
    .split('\n')
    .sort()
    .join(' ');

/**
 * One recording holds both parts: its segments joined into one verified file as long as the catalog says, in the
 * bucket with the same sha256. (Chromium on a loaded machine sometimes starts a recorder whose file has no audio
 * track; such a part cannot be joined by stream copy, so each part is its own verified file: then the files
 * together must be that long, each in the bucket.)
 */
async function expectBothPartsDelivered(root: string, s3: BucketAddress, recording: RecordingRow, pausedMs: number) {
  const { segments, outputs, finalKeys, questionStarts } = deliveredOf(root, recording.id);
  expect(recording).toMatchObject({ error: null });
  expect(segments.length).toBeGreaterThanOrEqual(2);
  expect(questionStarts).toEqual([0, 1, 1, 2]); // question 2 asked again where the interview went on
  const streams = await Promise.all(segments.map((segment) => streamsOf(segment.file_path)));
  const joinable = streams.every((s) => s === streams[0]);
  if (!joinable) console.log(`resume e2e: parts not joinable by stream copy: ${streams.join(' | ')}`);
  expect(outputs).toHaveLength(joinable ? 1 : segments.length);
  expect(outputs[0]!.sha256).toBe(recording.sha256);
  let totalMs = 0;
  for (const [i, output] of outputs.entries()) {
    const probe = await probeVideo(output.file_path);
    expect(probe).toMatchObject({ width: 1280, height: 720 });
    totalMs += probe.durationSec * 1000;
    expect((await objectDigest(s3, finalKeys[i]!)).sha256).toBe(output.sha256);
  }
  // The catalog's length covers both parts, and the delivered file is that long.
  expect(recording.duration_ms!).toBeGreaterThan(pausedMs + 4000);
  expect(Math.abs(totalMs - recording.duration_ms!)).toBeLessThan(1500);
}

describe('a reload in the middle of an answer', () => {
  it('offers to continue at that question; continued, ONE recording holds both parts, finalized and uploaded', async () => {
    const root = tempDir('irec-resume-e2e-');
    const media = await makeFakeMedia(root);
    const s3 = await localS3();
    const env = { ...testEnv(root), ...s3.env };
    const args = ['--no-open', '--port', '0', '--script', writeScript(root)];
    const [browser, app] = await Promise.all([launchChromium(fakeDeviceArgs(media)), startApp(env, args, HOST)]);
    const db = () => new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
    const rows = () => {
      const catalog = db();
      try {
        return catalog.prepare('SELECT id, state, duration_ms, sha256, error FROM recordings').all() as RecordingRow[];
      } finally {
        catalog.close();
      }
    };
    try {
      // A page of its own context: axe-core opens a helper page beside it.
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
      page.on('dialog', (dialog) => void dialog.accept()); // "Leave site?" from the interview's beforeunload: leave
      await beginInterview(page, await app.launchUrl());
      await page.getByText('Question 1 of 3').waitFor({ timeout: 30_000 });
      await answerAndContinue(page);
      await page.getByText('Question 2 of 3').waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: 'Answer now' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(3000);
      await page.reload();

      // The home screen offers the question that was being answered; what was recorded is kept, paused.
      await page.getByRole('heading', { name: RESUME_OFFER.heading }).waitFor({ timeout: 30_000 });
      const continueButton = page.getByRole('button', { name: RESUME_OFFER.continueAt(2) });
      await continueButton.waitFor();
      await expect.poll(() => rows().map((r) => r.state), { timeout: 10_000 }).toEqual(['paused']);
      const pausedMs = rows()[0]!.duration_ms!;
      expect(pausedMs).toBeGreaterThan(3000);
      const report = await checkScreen(page, 'resume-offer');
      expect(report.violations).toEqual([]);
      expect(report.cutOff).toEqual([]);
      expect(report.focusedHeading).toBe(((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim());

      // Continue: the device check again (no second consent), then question 2, recorded as a new segment.
      await continueButton.click();
      await page.getByRole('button', { name: 'Start interview' }).click({ timeout: 30_000 });
      await page.getByText('Question 2 of 3').waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: 'Answer now' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(2000);
      await answerAndContinue(page);
      await page.getByText('Question 3 of 3').waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: 'Answer now' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(2000);
      await finishInterview(page);

      await expect.poll(() => rows().map((r) => r.state), { timeout: 90_000 }).toEqual(['uploaded']);
      const [recording] = rows();
      await expectBothPartsDelivered(root, s3, recording!, pausedMs);
    } finally {
      await app.stop();
      await browser.close();
    }
  }, 240_000);
});
