import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { BROKEN_FPS, CAMERA_FPS, fakeDeviceArgs, makeFakeMedia, MIC_HZ, QUESTION_HZ } from '../support/fake-devices';
import { emulateHiddenPage } from '../support/hide-page';
import {
  countPixels,
  framesBetween,
  hasTone,
  isRecRed,
  probeVideo,
  readAudioMono,
  readFrameRgb,
  runMediaTool,
  type VideoProbe,
} from '../support/media-analysis';
import { LOCAL_S3_BUCKET } from '../../tools/lib/local-s3.mjs';
import { objectDigest } from '../support/local-s3';
import { startApp, type StartedApp } from '../support/start-app';
import { testEnv, testPaths } from '../support/test-core';
import { unexpectedErrors } from '../support/console-errors';

const QUESTIONS = ['What is your name?', 'Why this role?', 'Any questions for us?'];
let root: string;
let browser: Browser;
let app: StartedApp;
let page: Page;
let db: Database.Database;
let recording: {
  id: string;
  interview_id: string;
  started_at: string;
  state: string;
  duration_ms: number;
  error: string | null;
  stop_reason: string | null;
  mime_type: string;
  sha256: string;
};
let output: { file_path: string; duration_ms: number; sha256: string; container: string };
let segmentFile: string;
let retakeFile: string;
let probe: VideoProbe;
let retakeProbe: VideoProbe;
let events: Array<{ kind: string; data: { elapsedMs: number; mediaMs: number; index?: number } }>;
const consoleErrors: string[] = [];
let workersWhileRecording: string[] = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-capture-'));
  const media = await makeFakeMedia(root);
  const script = path.join(root, 'interview.json');
  // The last question allows one retake, which the candidate uses: a second segment, joined when finalizing.
  const questions = QUESTIONS.map((text, i) => ({
    text,
    audio: 'question.wav',
    thinkSeconds: 1,
    answerSeconds: 8,
    retakes: i === 2 ? 1 : 0,
  }));
  fs.writeFileSync(script, JSON.stringify({ id: 'e2e-capture', title: 'Capture test', candidateName: 'Test Candidate', questions }));
  [browser, app] = await Promise.all([
    launchChromium(fakeDeviceArgs(media)),
    startApp(testEnv(root), ['--no-open', '--port', '0', '--script', script]),
  ]);
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

  await beginInterview(page, await app.launchUrl());
  await page.getByText('Question 1 of 3').waitFor();
  workersWhileRecording = page.workers().map((worker) => worker.url());
  await page.waitForTimeout(9_000);
  await emulateHiddenPage(page, true);
  await page.waitForTimeout(10_000);
  await emulateHiddenPage(page, false);
  await page.getByText('Question 3 of 3').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Retake this answer' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(6000); // past the microphone window the first take is checked in
  await page.getByRole('button', { name: 'Retake this answer' }).click();
  // Submitted: the video file was made and verified, then verified in the bucket.
  await page.getByRole('heading', { level: 1, name: 'Submitted ✓' }).waitFor({ timeout: 150_000 });
  await page.screenshot({ path: path.join(root, 'finish.png') });

  db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
  recording = db.prepare('SELECT * FROM recordings').get() as typeof recording;
  output = db.prepare('SELECT * FROM recording_outputs WHERE recording_id = ?').get(recording.id) as typeof output;
  segmentFile = (db.prepare('SELECT file_path FROM segments WHERE recording_id = ? AND seq = 0').get(recording.id) as { file_path: string })
    .file_path;
  retakeFile = (db.prepare('SELECT file_path FROM segments WHERE recording_id = ? AND seq = 1').get(recording.id) as { file_path: string })
    .file_path;
  probe = await probeVideo(segmentFile);
  retakeProbe = await probeVideo(retakeFile);
  events = (
    db.prepare('SELECT kind, data FROM events WHERE recording_id = ? ORDER BY id').all(recording.id) as Array<{
      kind: string;
      data: string;
    }>
  ).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as { elapsedMs: number; mediaMs: number; index?: number } }));
}, 180_000);

afterAll(async () => {
  db?.close();
  await browser?.close();
  await app?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const eventAt = (kind: string, index?: number) =>
  events.find((e) => e.kind === kind && (index === undefined || e.data.index === index))!.data.elapsedMs / 1000;

describe('a recorded three-question interview', () => {
  it('stops cleanly with a segment for the retake and no console errors, recording H.264 where the runtime can', () => {
    expect(recording).toMatchObject({ state: 'uploaded', error: null, stop_reason: null, mime_type: 'video/webm;codecs=h264,opus' });
    expect(probe.codec).toBe('h264');
    expect(db.prepare('SELECT COUNT(*) AS n FROM segments').get()).toEqual({ n: 2 });
    expect(unexpectedErrors(consoleErrors)).toEqual([]);
  });

  it('is 1280×720, and both segments together last the time the recorder ran (±0.5 s)', () => {
    expect({ width: probe.width, height: probe.height }).toEqual({ width: 1280, height: 720 });
    expect({ width: retakeProbe.width, height: retakeProbe.height }).toEqual({ width: 1280, height: 720 });
    expect(recording.duration_ms / 1000).toBeGreaterThan(35);
    expect(Math.abs(probe.durationSec + retakeProbe.durationSec - recording.duration_ms / 1000)).toBeLessThanOrEqual(0.5);
  });

  it('asks the retaken question again at the start of its segment, and records the microphone after it', async () => {
    const samples = await readAudioMono(retakeFile);
    expect(hasTone(samples, 16000, QUESTION_HZ, 0.2, 1.0)).toBe(true);
    expect(hasTone(samples, 16000, MIC_HZ, 3, 7)).toBe(true);
  });

  // How many frames are dropped is the capture bench's figure (npm run bench -- capture, goal ≤ 0.5 %): on a busy
  // machine a test cannot hold 95 %. This proves the loop is the camera's own, unthrottled: no hole of a second, and
  // no rate below 60 % of the camera's (a timer- or requestAnimationFrame-driven loop falls to ~1 fps when hidden).
  it(`keeps the camera's ${CAMERA_FPS} fps loop, also while the page was hidden for 10 s`, () => {
    expect(workersWhileRecording, 'frames composited in their worker, not on the page').toEqual(
      expect.arrayContaining([expect.stringMatching(/\/compositor\.worker-[\w-]+\.js$/)]),
    );
    const kept = `${probe.frameCount} frames in ${probe.durationSec.toFixed(2)} s`;
    expect(probe.frameCount / probe.durationSec, kept).toBeGreaterThanOrEqual(BROKEN_FPS);
    const gaps = probe.frameTimes.slice(1).map((t, i) => t - probe.frameTimes[i]!);
    expect(Math.max(...gaps), kept).toBeLessThan(1);
    const hiddenFrom = eventAt('visibility.hidden') + 0.5;
    const hiddenTo = events.filter((e) => e.kind === 'visibility.visible').at(-1)!.data.elapsedMs / 1000 - 0.5;
    expect(hiddenTo - hiddenFrom).toBeGreaterThan(8.5);
    const hiddenFps = framesBetween(probe.frameTimes, hiddenFrom, hiddenTo) / (hiddenTo - hiddenFrom);
    console.log(`capture: ${kept} (${(probe.frameCount / probe.durationSec).toFixed(1)} fps), ${hiddenFps.toFixed(1)} fps while hidden`);
    expect(hiddenFps).toBeGreaterThanOrEqual(BROKEN_FPS);
  });

  it('has the red REC badge burned into the top-left of sampled frames', async () => {
    for (const at of [1, probe.durationSec / 2, probe.durationSec - 1]) {
      const frame = await readFrameRgb(segmentFile, at);
      expect(countPixels(frame, { x: 28, y: 26, width: 28, height: 28 }, isRecRed), `at ${at.toFixed(1)} s`).toBeGreaterThan(300);
      expect(countPixels(frame, { x: 600, y: 300, width: 80, height: 80 }, isRecRed)).toBeLessThan(6400);
    }
  });

  it('contains each spoken question where it was asked, and the microphone during every answer', async () => {
    const samples = await readAudioMono(segmentFile);
    for (let i = 0; i < QUESTIONS.length; i++) {
      const asked = eventAt('question.start', i);
      expect(hasTone(samples, 16000, QUESTION_HZ, asked + 0.2, asked + 1.0), `question ${i + 1} audio`).toBe(true);
      expect(hasTone(samples, 16000, MIC_HZ, asked + 3, asked + 7), `microphone during answer ${i + 1}`).toBe(true);
      expect(hasTone(samples, 16000, QUESTION_HZ, asked + 3, asked + 7), `no question audio during answer ${i + 1}`).toBe(false);
    }
  });

  it('has contiguous chunks whose sizes and hashes match the file byte for byte', () => {
    const chunks = db
      .prepare('SELECT idx, byte_offset, size, sha256 FROM chunks WHERE recording_id = ? AND segment_seq = 0 ORDER BY idx')
      .all(recording.id) as Array<{
      idx: number;
      byte_offset: number;
      size: number;
      sha256: string;
    }>;
    const bytes = fs.readFileSync(segmentFile);
    expect(chunks.length).toBeGreaterThan(25);
    let offset = 0;
    chunks.forEach((chunk, i) => {
      expect(chunk).toMatchObject({ idx: i, byte_offset: offset });
      expect(
        createHash('sha256')
          .update(bytes.subarray(offset, offset + chunk.size))
          .digest('hex'),
      ).toBe(chunk.sha256);
      offset += chunk.size;
    });
    expect(offset).toBe(bytes.length);
  });

  it('is finalized into one seekable MP4 holding both segments, with a chapter per question take and its sha256', async () => {
    expect(output).toMatchObject({ container: 'mp4', sha256: recording.sha256 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM recording_outputs').get()).toEqual({ n: 1 });
    expect(createHash('sha256').update(fs.readFileSync(output.file_path)).digest('hex')).toBe(output.sha256);
    const final = await probeVideo(output.file_path);
    expect(final).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
    expect(Math.abs(final.durationSec - (probe.durationSec + retakeProbe.durationSec))).toBeLessThanOrEqual(0.3);
    const { chapters } = JSON.parse(
      (await runMediaTool('ffprobe', ['-v', 'error', '-show_chapters', '-of', 'json', output.file_path])).toString(),
    ) as {
      chapters: Array<{ start_time: string; tags: { title: string } }>;
    };
    expect(chapters.map((c) => c.tags.title)).toEqual([
      ...QUESTIONS.map((q, i) => `Question ${i + 1}: ${q}`),
      `Question 3 (take 2): ${QUESTIONS[2]}`,
    ]);
    const starts = events.filter((e) => e.kind === 'question.start');
    chapters.forEach((c, i) => expect(Number(c.start_time)).toBeCloseTo(starts[i]!.data.mediaMs / 1000, 2));
  });

  it('is uploaded to the local S3 `npm start` runs, byte-identical, with its manifest', async () => {
    const endpoint = /Local S3 for development at (http:\/\/127\.0\.0\.1:\d+)/.exec(app.output())![1]!;
    const s3 = { endpoint, bucket: LOCAL_S3_BUCKET };
    const jobs = db
      .prepare("SELECT kind, object_key AS key, state FROM upload_jobs WHERE recording_id = ? AND kind != 'stream'")
      .all(recording.id);
    const key = `recordings/${recording.started_at.slice(0, 10)}/${recording.interview_id}-${recording.id}.mp4`;
    expect(jobs).toEqual(
      expect.arrayContaining([
        { kind: 'final', key, state: 'done' },
        { kind: 'manifest', key: key.replace(/\.mp4$/, '.json'), state: 'done' },
      ]),
    );
    expect(await objectDigest(s3, key)).toEqual({ sha256: output.sha256, size: fs.statSync(output.file_path).size });
  });

  it('marks the start and end of every question take, the retake and the hidden stretch', () => {
    for (let i = 0; i < QUESTIONS.length; i++) {
      const takes = i === 2 ? 2 : 1;
      expect(events.filter((e) => e.kind === 'question.start' && e.data.index === i)).toHaveLength(takes);
      expect(events.filter((e) => e.kind === 'question.end' && e.data.index === i)).toHaveLength(takes);
      expect(eventAt('question.end', i)).toBeGreaterThan(eventAt('question.start', i));
    }
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['question.retake', 'visibility.hidden', 'visibility.visible']));
  });

  it('stored the consent given, with the statement shown and the script id', () => {
    const consent = db
      .prepare('SELECT c.script_id, c.statement, c.consented_at FROM consents c JOIN recordings r ON r.interview_id = c.interview_id')
      .get() as {
      script_id: string;
      statement: string;
      consented_at: string;
    };
    expect(consent.script_id).toBe('e2e-capture');
    expect(consent.statement).toMatch(/records your camera, your microphone and the spoken questions/);
    expect(Date.parse(consent.consented_at)).toBeLessThan(Date.now());
  });
});
