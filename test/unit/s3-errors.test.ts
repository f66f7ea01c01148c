import { describe, expect, it } from 'vitest';
import { classifyS3Error } from '../../src/core/services/upload/s3-errors';

const target = { bucket: 'interviews', endpoint: 'https://s3.example' };
const s3Error = (name: string, status: number) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });

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
