// `npm run demo -- --live --interviewer`: the other participant is the app's interviewer's desk, in an app of its
// own. The JSON names its backup (on disk and in the bucket, byte for byte, showing the call), its cloud recording
// and its two notes, each stamped with both recordings' clocks.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DemoResult } from '../../tools/demo/result';
import { CANDIDATE_LEFT, isGreen, OWN_PICTURE, share } from '../support/backup-picture';
import { isBlue, ownDevices, runDemo } from '../support/demo-process';
import { localS3, objectDigest } from '../support/local-s3';
import { probeVideo, readFrameRgb } from '../support/media-analysis';
import { processesMentioning } from '../support/process-group';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

/** Four answers of 4 s: the second note is typed half-way through question 2's answer. */
const SECONDS = 16;

describe('npm run demo -- --live --interviewer', () => {
  it("delivers the candidate's recording and the interviewer's backup, cloud recording and notes", async () => {
    const root = tempDir('irec-demo-desk-');
    const devices = await ownDevices(root);
    const s3 = await localS3();
    const demo = runDemo(['--live', '--interviewer', '--seconds', String(SECONDS), '--json', '--fake-video', devices.video], {
      ...testEnv(root),
      ...s3.env,
    });
    try {
      const { code, stdout, stderr } = await demo.done;
      expect(code, stderr).toBe(0);
      const result = JSON.parse(stdout) as DemoResult;
      expect(result).toMatchObject({ state: 'uploaded', call: { provider: 'dev' } });
      expect(result.call!.remote.framesDecoded).toBeGreaterThan(30);
      const { backup, cloud, notes } = result.interviewer!;

      // The backup: the file on disk is what the JSON says and what the bucket holds.
      const bytes = fs.readFileSync(backup.path);
      expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
        size: backup.sizeBytes,
        sha256: backup.sha256,
      });
      expect(backup.upload.bucket).toBe(s3.bucket);
      expect(await objectDigest(s3, backup.upload.key)).toEqual({ size: backup.upload.verifiedSize, sha256: backup.sha256 });
      // It spans the call, so the whole interview: the candidate's blue camera large, the interviewer's green small.
      const probe = await probeVideo(backup.path);
      expect({ width: probe.width, height: probe.height }).toEqual({ width: 1280, height: 720 });
      expect(backup.durationSeconds).toBeGreaterThan(result.recordedSeconds - 1);
      const middle = await readFrameRgb(backup.path, backup.durationSeconds / 2);
      expect(share(middle, CANDIDATE_LEFT, isBlue)).toBeGreaterThan(0.9);
      expect(share(middle, OWN_PICTURE, isGreen)).toBeGreaterThan(0.9);

      // The interviewer's own cloud recording of the same channel, started and stopped from the desk.
      expect(cloud).toMatchObject({ backend: 'agora', channel: result.agora.channel });
      expect(cloud.files.length).toBeGreaterThan(0);

      // Two notes, the second marked for question 2, both typed while both recordings ran.
      expect(notes.map((note) => [note.text, note.questionIndex])).toEqual([
        ['Clear, structured introduction', null],
        ['Good example; ask about testing', 1],
      ]);
      for (const note of notes) {
        expect(note.cloudMs).toBeGreaterThan(0);
        expect(note.localMs).toBeGreaterThan(0);
        expect(note.localMs! / 1000).toBeLessThan(backup.durationSeconds);
      }
      expect(notes[1]!.localMs).toBeGreaterThan(notes[0]!.localMs!);

      await expect.poll(() => processesMentioning(root), { timeout: 10_000 }).toEqual([]);
    } finally {
      await demo.group.stop();
    }
  }, 420_000);
});
