import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { manifestKey, renderObjectKey, streamKey } from '../../src/core/services/upload/object-keys';
import { etagMatchesMd5, md5Base64, multipartEtag } from '../../src/core/services/upload/part-bytes';
import { MIN_PART_SIZE, nextParts, partSizeFor } from '../../src/core/services/upload/part-plan';
import type { UploadJobWithParts } from '../../src/core/services/catalog/queries/uploads';
import { classifyS3Error, type UploadFailure } from '../../src/core/services/upload/s3-errors';
import { recordingProgress, type JobView } from '../../src/core/services/upload/upload-progress';

const MiB = 1024 * 1024;
const target = { bucket: 'interviews', endpoint: 'https://s3.example' };
const s3Error = (name: string, status: number) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });

describe('part planning', () => {
  it('cuts only whole parts while the source grows, and the remainder once it is complete', () => {
    expect(nextParts({ plannedEnd: 0, plannedCount: 0, available: 12 * MiB, partSize: 5 * MiB, complete: false })).toEqual([
      { partNumber: 1, offset: 0, size: 5 * MiB },
      { partNumber: 2, offset: 5 * MiB, size: 5 * MiB },
    ]);
    expect(nextParts({ plannedEnd: 10 * MiB, plannedCount: 2, available: 12 * MiB, partSize: 5 * MiB, complete: false })).toEqual([]);
    expect(nextParts({ plannedEnd: 10 * MiB, plannedCount: 2, available: 12 * MiB, partSize: 5 * MiB, complete: true })).toEqual([
      { partNumber: 3, offset: 10 * MiB, size: 2 * MiB },
    ]);
  });

  it('grows the part size so that no file needs more than 10,000 parts, never below S3’s 5 MiB', () => {
    expect(partSizeFor(100 * MiB, 8 * MiB)).toBe(8 * MiB);
    expect(partSizeFor(1, 1)).toBe(MIN_PART_SIZE);
    const huge = 200 * 1024 * MiB;
    expect(Math.ceil(huge / partSizeFor(huge, 8 * MiB))).toBeLessThanOrEqual(10_000);
  });
});

describe('object keys', () => {
  const fields = {
    prefix: 'recordings/',
    startedAt: '2026-11-21T09:30:00.000Z',
    interviewId: 'int 42/x',
    recordingId: 'rec-1',
    ext: 'mp4',
  };

  it('default template mirrors recordings/YYYY-MM-DD/<name>.<ext>, with unsafe characters replaced', () => {
    expect(renderObjectKey('{prefix}{date}/{interview}-{recording}.{ext}', fields)).toBe('recordings/2026-11-21/int_42_x-rec-1.mp4');
  });

  it('names an unknown placeholder', () => {
    expect(() => renderObjectKey('{prefix}{candidate}/{recording}', fields)).toThrow(/unknown placeholder \{candidate\}/);
  });

  it('puts stream copies and the manifest beside the recording', () => {
    expect(streamKey('recordings/2026-11-21/a-b.mp4', 1, 2, 'webm')).toBe('recordings/2026-11-21/a-b.stream-1-2.webm');
    expect(manifestKey('recordings/2026-11-21/a-b.mp4')).toBe('recordings/2026-11-21/a-b.json');
  });
});

describe('S3 errors', () => {
  it.each([
    [s3Error('SlowDown', 503), 'retry'],
    [s3Error('InternalError', 500), 'retry'],
    [s3Error('RequestTimeout', 400), 'retry'],
    [s3Error('Whatever', 429), 'retry'],
    [s3Error('Whatever', 408), 'retry'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'offline'],
    [Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'offline'],
    [s3Error('NoSuchUpload', 404), 'upload-gone'],
    [s3Error('AccessDenied', 403), 'fatal'],
    [s3Error('NoSuchBucket', 404), 'fatal'],
    [s3Error('InvalidAccessKeyId', 403), 'fatal'],
    [s3Error('SignatureDoesNotMatch', 403), 'fatal'],
    [s3Error('RequestTimeTooSkewed', 403), 'fatal'],
    [s3Error('EntityTooSmall', 400), 'fatal'],
  ])('%s → %s', (error, kind) => {
    expect(classifyS3Error(error, target).kind).toBe(kind);
  });

  it('says what to do', () => {
    expect(classifyS3Error(s3Error('RequestTimeTooSkewed', 403), target).message).toMatch(/clock.*Correct the system time/);
    expect(classifyS3Error(s3Error('NoSuchBucket', 404), target).message).toMatch(/Bucket "interviews" does not exist.*s3\.bucket/);
    expect(classifyS3Error(s3Error('InvalidAccessKeyId', 403), target).message).toMatch(/rejected the credentials/);
  });
});

describe('checksums', () => {
  it('computes S3’s multipart ETag from the part MD5s', () => {
    const parts = [Buffer.from('first part'), Buffer.from('second part')];
    const md5s = parts.map(md5Base64);
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map((part) => createHash('md5').update(part).digest())))
      .digest('hex');
    expect(multipartEtag(md5s)).toBe(`${expected}-2`);
    expect(etagMatchesMd5(`"${createHash('md5').update(parts[0]!).digest('hex')}"`, md5s[0]!)).toBe(true);
    expect(etagMatchesMd5('"00000000000000000000000000000000"', md5s[0]!)).toBe(false);
  });
});

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
});
