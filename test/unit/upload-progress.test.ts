import { describe, expect, it } from 'vitest';
import type { UploadJobWithParts } from '../../src/core/services/catalog/queries/uploads';
import { type UploadFailure } from '../../src/core/services/upload/s3-errors';
import { recordingProgress, type JobView } from '../../src/core/services/upload/upload-progress';

describe('recording upload progress', () => {
  const job = (overrides: Partial<UploadJobWithParts>): UploadJobWithParts =>
    ({
      id: 'j',
      kind: 'final',
      objectKey: 'k.mp4',
      state: 'uploading',
      size: 100,
      bytesConfirmed: 0,
      lastError: null,
      ...overrides,
    }) as UploadJobWithParts;
  const progressOf = (views: JobView[], note?: UploadFailure, uploaded = false, rate: number | null = 10) =>
    recordingProgress({ recordingId: 'r', bucket: 'b', views, recordingUploaded: uploaded, note, bytesPerSecond: () => rate });

  it('sums the objects and gives an ETA while uploading', () => {
    const views = [
      { job: job({ bytesConfirmed: 40 }), size: 100, running: true },
      { job: job({ kind: 'stream', state: 'done', size: 100, bytesConfirmed: 100, objectKey: 's.webm' }), size: 100, running: false },
    ];
    expect(progressOf(views)).toMatchObject({
      state: 'uploading',
      bytesSent: 140,
      bytesTotal: 200,
      etaSeconds: 6,
      key: 'k.mp4',
      keySize: 100,
    });
  });

  it('names the state a person needs to know about first', () => {
    const running = { job: job({}), size: 100, running: true };
    expect(progressOf([running], { kind: 'offline', message: 'No connection' })).toMatchObject({
      state: 'offline',
      message: 'No connection',
      etaSeconds: null,
    });
    expect(progressOf([running], { kind: 'retry', message: '503' }).state).toBe('retrying');
    expect(progressOf([{ job: job({ kind: 'stream', size: null }), size: 30, running: true }]).state).toBe('streaming');
    expect(progressOf([{ job: job({ state: 'failed', lastError: 'denied' }), size: 100, running: false }])).toMatchObject({
      state: 'failed',
      message: 'denied',
    });
    expect(progressOf([], undefined, true).state).toBe('uploaded');
    expect(progressOf([]).state).toBe('waiting');
  });

  it('says when the last object was verified, once the recording is uploaded', () => {
    const done = (completedAt: string) => ({ job: job({ state: 'done', bytesConfirmed: 100, completedAt }), size: 100, running: false });
    const views = [done('2026-12-01T10:00:05.000Z'), done('2026-12-01T10:00:09.000Z')];
    expect(progressOf(views, undefined, true).verifiedAt).toBe('2026-12-01T10:00:09.000Z');
    expect(progressOf(views, undefined, false).verifiedAt).toBeUndefined();
  });
});
