import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordingDetail } from '../../src/shared/domain/recording';
import type { RecoveryReport } from '../../src/core/services/recovery/recover-interrupted';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { runIrec } from '../support/run-irec';
import { createTestCore, testEnv } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

/** A stopped 4-second recording with two question markers, made by the real core and then closed. */
async function stoppedRecording(media: RecordedChunks): Promise<{ root: string; id: string }> {
  const root = tempDir();
  const core = createTestCore(root);
  const id = await recordSession(core, [media], {
    markers: [
      { kind: 'question.start', index: 0, mediaMs: 0 },
      { kind: 'question.start', index: 1, mediaMs: 2000 },
    ],
  });
  await core.close();
  return { root, id };
}

describe('irec merge, recover and recordings show', () => {
  let media: RecordedChunks;
  beforeAll(async () => {
    media = await recordChunks('h264-webm', 4);
  }, 60_000);

  it('merge finalizes and prints the file, its duration and sha256; show then lists outputs and chapters', async () => {
    const { root, id } = await stoppedRecording(media);
    const merged = runIrec(['merge', id, '--json'], testEnv(root));
    expect(merged.status, merged.stderr).toBe(0);
    const detail = merged.json<RecordingDetail>();
    expect(detail).toMatchObject({
      id,
      state: 'finalized',
      outputs: [{ container: 'mp4', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
    });
    expect(fs.existsSync(detail.outputs[0]!.filePath)).toBe(true);

    const human = runIrec(['merge', id], testEnv(root));
    expect(human.stdout).toMatch(
      new RegExp(`Finalized ${id}:\\n.*\\.mp4\\n  duration 0:04 \\(4\\.\\d\\d s\\), .* sha256 ${detail.sha256}`),
    );

    const shown = runIrec(['recordings', 'show', id, '--json'], testEnv(root));
    expect(shown.status).toBe(0);
    expect(shown.json<RecordingDetail & { chapters: unknown[] }>()).toMatchObject({
      state: 'finalized',
      segments: [{ seq: 0, chunkCount: media.chunks.length }],
      chapters: [
        { startMs: 0, endMs: 2000, title: 'Question 1' },
        { startMs: 2000, title: 'Question 2' },
      ],
    });
    expect(runIrec(['recordings', 'show', id], testEnv(root)).stdout).toContain('chapter    0:02–0:04  Question 2');
  });

  it('merge says why it cannot, with the exit code of that reason: no id 2, unknown id 3, no ffmpeg 4', async () => {
    const { root, id } = await stoppedRecording(media);
    const noId = runIrec(['merge'], testEnv(root));
    expect(noId.status).toBe(2);
    expect(noId.stderr).toContain('merge needs a recording id');
    expect(noId.stderr).toContain('Run "irec --help" for usage.');
    const unknown = runIrec(['merge', 'rec-nope'], testEnv(root));
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toContain('irec merge: There is no recording rec-nope.');
    const noFfmpeg = runIrec(['merge', id], testEnv(root, { PATH: '/nonexistent' }));
    expect(noFfmpeg.status).toBe(4);
    expect(noFfmpeg.stderr).toMatch(/ffmpeg not found.*FFMPEG_PATH/);
    expect(runIrec(['recordings', 'show', id], testEnv(root)).stdout).toMatch(/state +stopped/);
    const noSuchRecording = runIrec(['recordings', 'show', 'rec-nope'], testEnv(root));
    expect(noSuchRecording.status).toBe(3);
    expect(noSuchRecording.stderr).toMatch(/There is no recording rec-nope\. List them with: irec recordings list/);
  });

  it('recover finalizes what is unfinished and then has nothing to do', async () => {
    const { root, id } = await stoppedRecording(media);
    const first = runIrec(['recover', '--json'], testEnv(root));
    expect(first.status, first.stderr).toBe(0);
    expect(first.json<RecoveryReport[]>()).toMatchObject([{ recordingId: id, interrupted: false, outcome: 'finalized' }]);
    const again = runIrec(['recover'], testEnv(root));
    expect(again.stdout).toContain('Nothing to recover');
  });
});
