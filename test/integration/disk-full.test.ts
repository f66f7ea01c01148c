// A real full disk: the recordings folder is a small tmpfs, so the chunk writer and ffmpeg meet a genuine ENOSPC.
// Mounting needs root (as on CI and these machines); elsewhere the test is skipped and says why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { AppError } from '../../src/core/errors/app-error';
import { listSegments } from '../../src/core/services/catalog/queries/chunks';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { finalizeRecording } from '../../src/core/services/finalize/finalize-recording';
import { requireFfmpegTools } from '../../src/core/services/media/locate-ffmpeg';
import { probeVideo } from '../support/media-analysis';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { createTestCore } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const mount = (dir: string, size: string, remount = false) =>
  spawnSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });

function canMountTmpfs(): boolean {
  const dir = fs.mkdtempSync('/tmp/irec-mount-probe-');
  const ok = mount(dir, '1m').status === 0;
  if (ok) spawnSync('umount', [dir]);
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
}

/** A core whose recordings folder is a tmpfs of `size`; unmounted when the test ends. */
function coreOnSmallDisk(size: string): { core: Core; recordingsDir: string } {
  const root = tempDir();
  const recordingsDir = path.join(root, 'data', 'recordings');
  fs.mkdirSync(recordingsDir, { recursive: true });
  expect(mount(recordingsDir, size).status).toBe(0);
  onTestFinished(() => void spawnSync('umount', ['-l', recordingsDir]));
  return { core: createTestCore(root), recordingsDir };
}

const db = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));
const mountable = canMountTmpfs();

describe.skipIf(!mountable)('disk full (tmpfs; skipped when this user cannot mount)', () => {
  let media: RecordedChunks;
  beforeAll(async () => {
    media = await recordChunks('h264-webm', 6);
  }, 60_000);

  it('ffmpeg meets ENOSPC while finalizing: clear error, no partial file, chunks intact, retry works after space is freed', async () => {
    const { core, recordingsDir } = coreOnSmallDisk('3m'); // the 6 s recording (~2.2 MB) fits; a second copy does not
    const id = await recordSession(core, [media]);
    const deps = { db: db(core), run: core.run!, tools: () => requireFfmpegTools(), freeBytes: () => null }; // skip the pre-check to meet the real error

    const error = await finalizeRecording(deps, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DISK_FULL');
    expect((error as AppError).message).toMatch(/Not enough disk space to finalize: about \d+\.\d MB is needed.*nothing recorded was lost/);
    expect(getRecordingDetail(db(core), id)).toMatchObject({ state: 'stopped', outputs: [] });
    const segment = listSegments(db(core), id)[0]!;
    expect(fs.readdirSync(path.dirname(segment.filePath)).filter((f) => f !== 'recording.json')).toEqual(['segment-000.webm']); // no partial file
    expect(fs.readFileSync(segment.filePath).equals(Buffer.concat(media.chunks))).toBe(true);

    expect(mount(recordingsDir, '512m', true).status).toBe(0);
    const detail = await finalizeRecording(deps, id);
    expect(detail.state).toBe('finalized');
    expect(Math.abs((await probeVideo(detail.outputs[0]!.filePath)).durationSec - 6)).toBeLessThan(0.5);
  });

  it('ENOSPC while recording: stops cleanly at the last whole chunk, which finalizes into a playable file', async () => {
    const { core, recordingsDir } = coreOnSmallDisk('1m');
    const started = await core.recording!.start({ interviewId: interviewFor(core), mimeType: media.mimeType });
    let stored = 0;
    const error = await (async () => {
      for (const [index, bytes] of media.chunks.entries()) {
        await core.recording!.appendChunk({ recordingId: started.recordingId, segment: 0, index, bytes, mediaEndMs: (index + 1) * 1000 });
        stored = index + 1;
      }
    })().catch((e: unknown) => e);
    expect((error as AppError).code).toBe('DISK_FULL');
    expect(stored).toBeGreaterThanOrEqual(1);
    const segment = listSegments(db(core), started.recordingId)[0]!;
    expect(segment.chunkCount).toBe(stored);
    expect(fs.statSync(segment.filePath).size).toBe(segment.bytes); // the torn chunk was cut off

    // The stop was finalized at once (the pipeline), which the full disk refused: the recording waits, stopped.
    await core.pipeline.idle();
    expect(getRecordingDetail(db(core), started.recordingId)).toMatchObject({ state: 'stopped', outputs: [] });
    expect(mount(recordingsDir, '512m', true).status).toBe(0);
    const detail = await core.finalize(started.recordingId);
    expect(Math.abs(detail.outputs[0]!.durationMs - stored * 1000)).toBeLessThan(500);
  });
});

function interviewFor(core: Core): string {
  insertInterview(db(core), { id: 'int-disk', title: 'Disk full', createdAt: new Date().toISOString() });
  return 'int-disk';
}
