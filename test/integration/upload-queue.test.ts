import { describe, expect, it } from 'vitest';
import { startFaultProxy } from '../support/fault-proxy';
import { CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { confirmPart, insertPart, insertUploadJob, setPartMd5, updateUploadJob } from '../../src/core/services/catalog/queries/uploads';
import { digestOfFile } from '../../src/core/platform/sha256';
import { createS3Target } from '../../src/core/services/upload/s3-target';
import { ObjectMismatchError, verifyObject } from '../../src/core/services/upload/verify-object';
import { directClient, localS3, objectDigest, s3Settings } from '../support/local-s3';
import { randomFile } from '../support/random-file';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const MiB = 1024 * 1024;

describe('upload queue against a real S3-protocol server', () => {
  it(
    'uploads 100 MiB through connection resets, byte-identical, sending at most 1.1× the file plus one part',
    { timeout: 180_000 },
    async () => {
      const s3 = await localS3();
      const proxy = await startFaultProxy({ target: s3.endpoint });
      const dir = tempDir();
      const { file, sha256 } = randomFile(dir, 100 * MiB);
      const core = createTestCore(dir, {}, s3Settings(s3, proxy.url, { 's3.partSizeMb': 5 }));
      proxy.resetEvery(24 * MiB);

      const job = await core.uploads!.uploadFile(file, 'exports/payload.bin');

      proxy.resetEvery(null);
      const resets = proxy.requests().filter((request) => request.outcome === 'reset').length;
      expect(resets).toBeGreaterThanOrEqual(3);
      expect(job).toMatchObject({ state: 'done', size: 100 * MiB, bytesSent: 100 * MiB, partsConfirmed: 20 });
      expect(await objectDigest(s3, 'exports/payload.bin')).toEqual({ sha256, size: 100 * MiB });
      expect(proxy.bytesReceived()).toBeLessThanOrEqual(1.1 * 100 * MiB + 5 * MiB);
    },
  );

  it('tells a different object of the same size from the local file', async () => {
    const s3 = await localS3();
    const dir = tempDir();
    const { file } = randomFile(dir, 6 * MiB);
    const core = createTestCore(dir, {}, s3Settings(s3));
    await core.uploads!.uploadFile(file, 'swapped.bin');
    await directClient(s3).send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'swapped.bin', Body: randomBytes(6 * MiB) }));
    const state = createS3Target(core.config.config.s3);
    if (!state.ok) expect.unreachable(state.reason);
    const object = { key: 'swapped.bin', size: 6 * MiB, partMd5s: [], fileMd5: () => digestOfFile(file, 'md5') };
    await expect(verifyObject(state.target, object)).rejects.toThrow(ObjectMismatchError);
    await expect(verifyObject(state.target, { ...object, size: 6 * MiB + 1 })).rejects.toThrow(
      /holds 6291456 bytes .* the local file has 6291457/,
    );
  });

  it('reconciles with a store that lists parts: a part it lost goes again, one the catalog missed is not re-sent', async () => {
    const s3 = await localS3();
    const proxy = await startFaultProxy({ target: s3.endpoint });
    const dir = tempDir();
    const bytes = randomBytes(15 * MiB);
    const file = path.join(dir, 'resumed.bin');
    fs.writeFileSync(file, bytes);
    const core = createTestCore(dir, {}, s3Settings(s3, proxy.url, { 's3.partSizeMb': 5 }));
    const db = core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog');
    const part = (n: number) => bytes.subarray((n - 1) * 5 * MiB, n * 5 * MiB);

    // A previous run, as the store and the catalog remember it: the store holds parts 2 and 3; the catalog thinks
    // part 1 was confirmed (the store lost it) and never recorded part 2's answer.
    const direct = directClient(s3);
    const { UploadId } = await direct.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: 'resumed.bin' }));
    const etags = new Map<number, string>();
    for (const n of [2, 3]) {
      const answer = await direct.send(
        new UploadPartCommand({ Bucket: s3.bucket, Key: 'resumed.bin', UploadId, PartNumber: n, Body: part(n) }),
      );
      etags.set(n, answer.ETag!);
    }
    const at = new Date().toISOString();
    insertUploadJob(db, {
      id: 'job-1',
      kind: 'file',
      sourcePath: file,
      bucket: s3.bucket,
      objectKey: 'resumed.bin',
      contentType: 'application/octet-stream',
      partSize: 5 * MiB,
      size: 15 * MiB,
      createdAt: at,
    });
    updateUploadJob(db, 'job-1', { state: 'uploading', uploadId: UploadId! }, at);
    for (const n of [1, 2, 3]) insertPart(db, 'job-1', { partNumber: n, offset: (n - 1) * 5 * MiB, size: 5 * MiB });
    for (const n of [1, 2]) setPartMd5(db, 'job-1', n, createHash('md5').update(part(n)).digest('base64'));
    confirmPart(db, 'job-1', 1, '"lost"', at);

    // s3rver cannot list parts; the proxy answers ListParts as S3 would, over two pages.
    const listPage = (parts: number[], next: number | null) =>
      `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult><Bucket>${s3.bucket}</Bucket><Key>resumed.bin</Key><UploadId>${UploadId}</UploadId>` +
      `<IsTruncated>${next !== null}</IsTruncated>${next === null ? '' : `<NextPartNumberMarker>${next}</NextPartNumberMarker>`}` +
      parts.map((n) => `<Part><PartNumber>${n}</PartNumber><ETag>${etags.get(n)}</ETag><Size>${5 * MiB}</Size></Part>`).join('') +
      '</ListPartsResult>';
    const isList = (marker: string | null) => (method: string, url: string) =>
      method === 'GET' && url.includes('uploadId=') && new URL(url, 'http://x').searchParams.get('part-number-marker') === marker;
    proxy.answerNext(1, 200, listPage([2], 2), isList(null));
    proxy.answerNext(1, 200, listPage([3], null), isList('2'));

    const job = await core.uploads!.uploadFile(file, 'resumed.bin');

    expect(job.state).toBe('done');
    const sent = proxy
      .requests()
      .filter((r) => r.method === 'PUT')
      .map((r) => new URL(r.url, 'http://x').searchParams.get('partNumber'));
    // Part 1 was lost by the store, part 3's checksum was never recorded: both go again; part 2 is adopted.
    expect(sent.sort()).toEqual(['1', '3']);
    expect(proxy.requests().filter((r) => r.method === 'GET' && r.url.includes('uploadId='))).toHaveLength(2); // both pages read
    expect(await objectDigest(s3, 'resumed.bin')).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: 15 * MiB });
  });
});
