import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors/app-error';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { createRecordingService } from '../../src/core/services/recording/recording-service';
import { nodeSegmentFiles, type SegmentFiles } from '../../src/core/services/recording/segment-files';
import { failingSegmentFiles } from '../support/failing-segment-files';
import { tempDir } from '../support/temp-dir';

const chunk = (n: number, size = 1000) => new Uint8Array(size).fill(n % 256);

function setup(options: { files?: SegmentFiles; free?: () => number | null; minFreeBytes?: number } = {}) {
  const dir = tempDir();
  const { db } = openCatalog(path.join(dir, 'catalog.sqlite'));
  insertInterview(db, { id: 'int-1', title: 'T', createdAt: new Date().toISOString() });
  let awake = 0;
  const service = createRecordingService({
    db,
    runId: 'test-run',
    recordingsDir: path.join(dir, 'recordings'),
    files: options.files ?? nodeSegmentFiles,
    freeBytes: options.free ?? (() => 50e9),
    minFreeBytes: options.minFreeBytes ?? 300 * 1024 * 1024,
    keepAwake: {
      start: () => {
        awake++;
        return () => awake--;
      },
    },
  });
  const chunks = (id: string) =>
    db.prepare('SELECT segment_seq, idx, byte_offset, size, sha256 FROM chunks WHERE recording_id = ? ORDER BY segment_seq, idx').all(id);
  const file = (id: string, seq = 0) =>
    (db.prepare('SELECT file_path FROM segments WHERE recording_id = ? AND seq = ?').get(id, seq) as { file_path: string }).file_path;
  return { db, service, chunks, file, awake: () => awake };
}

describe('recording service: durable chunks', () => {
  it('appends chunks in order at their offsets, with rows matching the bytes on disk', async () => {
    const { service, chunks, file, awake } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm;codecs=h264,opus' });
    expect(awake()).toBe(1);
    const acks = await Promise.all(
      [0, 1, 2].map((index) => service.appendChunk({ recordingId, segment: 0, index, bytes: chunk(index, 1000 + index) })),
    );
    expect(acks.map((a) => a.offset)).toEqual([0, 1000, 2001]);
    const bytes = fs.readFileSync(file(recordingId));
    expect(bytes.length).toBe(3003);
    for (const row of chunks(recordingId) as Array<{ byte_offset: number; size: number; sha256: string }>) {
      expect(
        createHash('sha256')
          .update(bytes.subarray(row.byte_offset, row.byte_offset + row.size))
          .digest('hex'),
      ).toBe(row.sha256);
    }
    await service.stop({ recordingId, durationMs: 3000 });
    expect(awake()).toBe(0);
    expect(file(recordingId)).toMatch(/segment-000\.webm$/);
  });

  it('acknowledges a retried chunk again without storing it twice', async () => {
    const { service, chunks, file } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) });
    const again = await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) });
    expect(again.offset).toBe(0);
    expect(chunks(recordingId)).toHaveLength(1);
    expect(fs.statSync(file(recordingId)).size).toBe(1000);
  });

  it('refuses a gap or a chunk of another segment, keeping what is stored', async () => {
    const { service, chunks } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) });
    await expect(service.appendChunk({ recordingId, segment: 0, index: 2, bytes: chunk(2) })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Expected chunk 1'),
    });
    await expect(service.appendChunk({ recordingId, segment: 1, index: 1, bytes: chunk(1) })).rejects.toBeInstanceOf(AppError);
    expect(chunks(recordingId)).toHaveLength(1);
  });

  it('starts each new segment in a new file, numbered from chunk 0', async () => {
    const { service, chunks, file, db } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/mp4;codecs=avc1,opus' });
    await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) });
    expect(await service.startSegment({ recordingId })).toEqual({ segment: 1 });
    await service.appendChunk({ recordingId, segment: 1, index: 0, bytes: chunk(9, 500) });
    expect(file(recordingId, 1)).toMatch(/segment-001\.mp4$/);
    expect(fs.statSync(file(recordingId, 1)).size).toBe(500);
    expect((chunks(recordingId) as Array<{ segment_seq: number }>).map((c) => c.segment_seq)).toEqual([0, 1]);
    expect(db.prepare('SELECT ended_at FROM segments WHERE recording_id = ? AND seq = 0').get(recordingId)).toMatchObject({
      ended_at: expect.any(String),
    });
  });

  it('on a full disk: truncates the torn chunk, stops the recording, keeps every acknowledged chunk, says so', async () => {
    const { service, chunks, file, db, awake } = setup({ files: failingSegmentFiles({ from: 3, code: 'ENOSPC', partial: 100 }) });
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) });
    await service.appendChunk({ recordingId, segment: 0, index: 1, bytes: chunk(1) });
    const error = await service.appendChunk({ recordingId, segment: 0, index: 2, bytes: chunk(2) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/disk is full.*saved/i) });
    expect(fs.statSync(file(recordingId)).size).toBe(2000);
    expect(chunks(recordingId)).toHaveLength(2);
    expect(db.prepare('SELECT state, stop_reason FROM recordings WHERE id = ?').get(recordingId)).toEqual({
      state: 'stopped',
      stop_reason: 'disk-full',
    });
    expect(awake()).toBe(0);
    await expect(service.appendChunk({ recordingId, segment: 0, index: 2, bytes: chunk(2) })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('passes other write errors on without pretending the chunk was stored', async () => {
    const { service, chunks } = setup({ files: failingSegmentFiles({ from: 1, code: 'EIO', partial: 100 }) });
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await expect(service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) })).rejects.toThrow(/EIO/);
    expect(chunks(recordingId)).toHaveLength(0);
    // The retry writes at the same offset and succeeds: no gap, no duplicate.
    await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) });
    expect(chunks(recordingId)).toHaveLength(1);
  });

  it('flags the hard floor of free space on the acknowledgement', async () => {
    let free = 1e9;
    const { service } = setup({ free: () => free, minFreeBytes: 500e6 });
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    expect(await service.appendChunk({ recordingId, segment: 0, index: 0, bytes: chunk(0) })).toMatchObject({
      critical: false,
      freeBytes: 1e9,
    });
    free = 100e6;
    expect(await service.appendChunk({ recordingId, segment: 0, index: 1, bytes: chunk(1) })).toMatchObject({
      critical: true,
      freeBytes: 100e6,
    });
  });

  it('never reuses an existing segment file', async () => {
    const { service, file } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await expect(nodeSegmentFiles.create(file(recordingId))).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
