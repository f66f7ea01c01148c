// `npm run demo -- --seconds 12 --json --retakes 1` with camera and microphone files of our own, run as a user
// runs it: one JSON document on stdout that matches the file on disk, the catalog and the object in the bucket.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DemoResult } from '../../tools/demo/result';
import { localS3, objectDigest } from '../support/local-s3';
import { generateMedia } from '../support/fake-devices';
import { isBlue, MIC_HZ, ownDevices, runDemo } from '../support/demo-process';
import { countPixels, hasTone, probeFileDurationSec, probeVideo, readAudioMono, readFrameRgb } from '../support/media-analysis';
import { processesMentioning } from '../support/process-group';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

/**
 * Four answers of 3 s each: an answer takes at least about 3 s (the question's tone, then 0.8 s before Next takes
 * a click and 0.8 s before its confirmation does), so a shorter share would measure the guards, not the demo.
 */
const SECONDS = 12;

describe('npm run demo -- --seconds 12 --json --retakes 1 --fake-video --fake-audio', () => {
  it('records about 12 s with one retake and prints one JSON document matching the file, the catalog and the bucket', async () => {
    const root = tempDir('irec-demo-e2e-');
    const devices = await ownDevices(root);
    const s3 = await localS3();
    const demo = runDemo(
      ['--seconds', String(SECONDS), '--json', '--retakes', '1', '--fake-video', devices.video, '--fake-audio', devices.audio],
      { ...testEnv(root), ...s3.env },
    );
    try {
      const { code, stdout, stderr } = await demo.done;
      expect(code, stderr).toBe(0);
      const result = JSON.parse(stdout) as DemoResult; // the whole of stdout is one document
      expect(stderr).toContain('question 1: answered, then "Retake this answer"');

      expect(result).toMatchObject({ state: 'uploaded', retakes: 1, catalog: path.join(testEnv(root).IREC_DATA_DIR!, 'catalog.sqlite') });
      expect(result.recordedSeconds).toBeGreaterThan(SECONDS - 1);
      expect(result.recordedSeconds).toBeLessThan(SECONDS + 4);
      expect(result.files.length).toBeGreaterThan(0);
      let probedSeconds = 0;
      for (const file of result.files) {
        const bytes = fs.readFileSync(file.path);
        expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
          size: file.sizeBytes,
          sha256: file.sha256,
        });
        // The duration the demo prints is the file's, audio included; the video alone may end a few frames earlier.
        expect(Math.abs((await probeFileDurationSec(file.path)) - file.durationSeconds), file.path).toBeLessThanOrEqual(0.05);
        const probe = await probeVideo(file.path);
        expect(Math.abs(probe.durationSec - file.durationSeconds), file.path).toBeLessThanOrEqual(0.25);
        probedSeconds += probe.durationSec;
      }
      expect(Math.abs(probedSeconds - result.recordedSeconds)).toBeLessThanOrEqual(0.5);

      // The devices given on the command line are what was recorded.
      const main = result.files[0]!;
      const middle = await readFrameRgb(main.path, main.durationSeconds / 2);
      expect(countPixels(middle, { x: 600, y: 320, width: 80, height: 80 }, isBlue)).toBeGreaterThan(0.9 * 6400);
      // The louder question tone fills most of each short take: look for the microphone in short sliding windows.
      const samples = await readAudioMono(main.path);
      const windows = Array.from({ length: Math.floor(main.durationSeconds * 10) - 3 }, (_, i) => i / 10);
      expect(windows.filter((t) => hasTone(samples, 16000, MIC_HZ, t, t + 0.3, 0.5)).length).toBeGreaterThan(0);
      expect(windows.filter((t) => hasTone(samples, 16000, 440, t, t + 0.3))).toEqual([]);

      // The object in the bucket is the verified file, byte for byte.
      expect(result.upload.bucket).toBe(s3.bucket);
      const object = await objectDigest(s3, result.upload.key);
      expect(object).toEqual({ size: result.upload.verifiedSize, sha256: main.sha256 });

      const db = new Database(result.catalog, { readonly: true });
      const row = db.prepare('SELECT state FROM recordings WHERE id = ?').get(result.recordingId);
      const segments = db.prepare('SELECT COUNT(*) AS n FROM segments WHERE recording_id = ?').get(result.recordingId);
      db.close();
      expect(row).toEqual({ state: 'uploaded' });
      expect(segments).toEqual({ n: 2 }); // the retake started a second segment

      // Nothing the demo started (app, host, Chromium with our camera file) is still running.
      await expect.poll(() => processesMentioning(root), { timeout: 10_000 }).toEqual([]);
    } finally {
      await demo.group.stop();
    }
  }, 300_000);

  it('--live: the other participant, on devices of its own, receives the candidate through the call server', async () => {
    const root = tempDir('irec-demo-live-');
    const devices = await ownDevices(root);
    const peerVideo = path.join(root, 'peer-red.y4m');
    await generateMedia('color=c=red:size=640x480:rate=30', 2, peerVideo, ['-pix_fmt', 'yuv420p']);
    const s3 = await localS3();
    const demo = runDemo(
      ['--live', '--seconds', String(SECONDS), '--json', '--fake-video', devices.video, '--peer-fake-video', peerVideo],
      { ...testEnv(root), ...s3.env },
    );
    try {
      const { code, stdout, stderr } = await demo.done;
      expect(code, stderr).toBe(0);
      const result = JSON.parse(stdout) as DemoResult;
      expect(stderr).toContain(`The other participant is in the call ${result.call?.channel} (camera ${peerVideo}, microphone 1200 Hz)`);
      expect(result).toMatchObject({ state: 'uploaded', call: { provider: 'dev', channel: result.agora.channel } });
      const { remote } = result.call!;
      expect(remote.participantId).toMatch(/^candidate-\d+$/);
      expect(remote.framesDecoded).toBeGreaterThan(30);
      // The snapshot is the candidate's blue camera as the other participant received it, not its own red one.
      const snapshot = await readFrameRgb(remote.snapshot!, 0);
      expect(snapshot.width).toBe(640);
      expect(countPixels(snapshot, { x: 200, y: 160, width: 240, height: 160 }, isBlue)).toBeGreaterThan(0.9 * 240 * 160);
      // The cloud recording of the channel was registered (once the candidate was in the call) and stopped.
      expect(result.agora.files.length).toBeGreaterThan(0);
      await expect.poll(() => processesMentioning(root), { timeout: 10_000 }).toEqual([]);
    } finally {
      await demo.group.stop();
    }
  }, 300_000);

  it('refuses an unknown flag, a bad value and a camera file that is not y4m, with exit 2 and the usage', async () => {
    const root = tempDir('irec-demo-usage-');
    const notVideo = path.join(root, 'camera.mp4');
    fs.writeFileSync(notVideo, 'not a video');
    for (const [args, message] of [
      [['--colour', 'red'], "Unknown option '--colour'"],
      [['--seconds', '5', '--retakes', '1'], '--seconds 5 is too short for 4 answers'],
      [['--retakes', 'two'], '--retakes expects a whole number from 0 to 5, not "two"'],
      [['--fake-video', notVideo], `--fake-video ${notVideo}: not a YUV4MPEG2 (.y4m) file`],
      [['--live', '--peer-fake-video', notVideo], `--peer-fake-video ${notVideo}: not a YUV4MPEG2 (.y4m) file`],
      [['--interviewer'], '--interviewer joins the call of a live interview: add --live.'],
    ] as const) {
      const { code, stdout, stderr } = await runDemo([...args], testEnv(root)).done;
      expect({ code, stdout }, stderr).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(message);
      expect(stderr).toContain('Usage: npm run -s demo --');
    }
  }, 60_000);
});
