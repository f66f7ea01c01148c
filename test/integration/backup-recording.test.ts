// The interviewer's backup recording in the core: kept as `backup` on its row, stopped (never paused) when its page
// goes away or the app crashes, so it is finalized and sent like any stopped recording; the candidate's is paused.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { createRecordingService } from '../../src/core/services/recording/recording-service';
import { nodeSegmentFiles } from '../../src/core/services/recording/segment-files';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { createTestCore } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const MIME = 'video/webm;codecs=h264,opus';
const catalogOf = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));

function service() {
  const dir = tempDir();
  const { db } = openCatalog(path.join(dir, 'catalog.sqlite'));
  insertInterview(db, { id: 'ivw-1', title: 'Interviewer’s interview', createdAt: new Date().toISOString() });
  const recording = createRecordingService({
    db,
    runId: 'test-run',
    recordingsDir: path.join(dir, 'recordings'),
    files: nodeSegmentFiles,
    freeBytes: () => 50e9,
    minFreeBytes: 0,
  });
  const row = (id: string) =>
    db.prepare('SELECT kind, state, stop_reason AS stopReason, duration_ms AS durationMs FROM recordings WHERE id = ?').get(id);
  return { recording, row };
}

const bytes = (n: number) => new Uint8Array(500).fill(n);

describe('the interviewer’s backup recording (core)', () => {
  it('is kept as a backup; its page going away stops it at its last durable chunk, the candidate’s pauses', async () => {
    const { recording, row } = service();
    const started: Array<{ recordingId: string; kind: string }> = [];
    recording.on('started', (event) => started.push(event));
    const backup = await recording.start({ interviewId: 'ivw-1', mimeType: MIME, kind: 'backup' });
    const candidate = await recording.start({ interviewId: 'ivw-1', mimeType: MIME });
    expect(started).toEqual([
      { recordingId: backup.recordingId, kind: 'backup' },
      { recordingId: candidate.recordingId, kind: 'interview' },
    ]);
    for (const id of [backup.recordingId, candidate.recordingId])
      for (const index of [0, 1])
        await recording.appendChunk({ recordingId: id, segment: 0, index, bytes: bytes(index), mediaEndMs: (index + 1) * 1000 });

    expect(await recording.suspend({ recordingId: backup.recordingId })).toEqual({ state: 'stopped' });
    expect(row(backup.recordingId)).toEqual({ kind: 'backup', state: 'stopped', stopReason: 'interrupted', durationMs: 2000 });
    expect(await recording.suspend({ recordingId: backup.recordingId })).toEqual({ state: 'stopped' }); // asked again: no change
    await expect(recording.appendChunk({ recordingId: backup.recordingId, segment: 0, index: 2, bytes: bytes(2) })).rejects.toThrow(
      /not running/,
    );

    expect(await recording.suspend({ recordingId: candidate.recordingId })).toEqual({ state: 'paused' });
    expect(row(candidate.recordingId)).toMatchObject({ kind: 'interview', state: 'paused' });
  });

  it('is stopped too when the window that records it is gone (suspendAll)', async () => {
    const { recording, row } = service();
    const { recordingId } = await recording.start({ interviewId: 'ivw-1', mimeType: MIME, kind: 'backup' });
    await recording.appendChunk({ recordingId, segment: 0, index: 0, bytes: bytes(0), mediaEndMs: 1000 });
    await recording.suspendAll();
    expect(row(recordingId)).toEqual({ kind: 'backup', state: 'stopped', stopReason: 'interrupted', durationMs: 1000 });
  });

  describe('after a crash', () => {
    let media: RecordedChunks;
    beforeAll(async () => {
      media = await recordChunks('h264-webm', 3);
    }, 60_000);

    it('is stopped at its last whole chunk and finalized, not paused for anyone to continue', async () => {
      const root = tempDir();
      const crashed = createTestCore(root);
      const db = catalogOf(crashed);
      insertInterview(db, { id: 'ivw-2', title: 'Interviewer’s interview', createdAt: new Date().toISOString() });
      const { recordingId } = await crashed.recording.start({ interviewId: 'ivw-2', mimeType: media.mimeType, kind: 'backup' });
      for (const [index, chunk] of media.chunks.entries())
        await crashed.recording.appendChunk({ recordingId, segment: 0, index, bytes: chunk, mediaEndMs: (index + 1) * 1000 });
      // The process dies without ending its run (kill -9, power cut).
      db.prepare('UPDATE runs SET pid = ? WHERE id = ?').run(spawnSync(process.execPath, ['-e', '0']).pid!, crashed.run!.id);

      const restarted = createTestCore(root);
      expect(await restarted.recover()).toMatchObject([{ recordingId, interrupted: true, crashed: true, outcome: 'finalized' }]);
      const detail = getRecordingDetail(catalogOf(restarted), recordingId)!;
      expect(detail).toMatchObject({ state: 'finalized', stopReason: 'interrupted', chunkCount: media.chunks.length });
      expect(Math.abs(detail.outputs[0]!.durationMs - 3000)).toBeLessThan(500);
    });
  });
});
