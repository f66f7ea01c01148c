import { describe, expect, it } from 'vitest';
import { startFaultProxy } from '../support/fault-proxy';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { createS3Target } from '../../src/main/services/upload/s3-target';
import { ObjectMismatchError, verifyObject } from '../../src/main/services/upload/verify-object';
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
    const object = { key: 'swapped.bin', size: 6 * MiB, file, partMd5s: [] };
    await expect(verifyObject(state.target, object)).rejects.toThrow(ObjectMismatchError);
    await expect(verifyObject(state.target, { ...object, size: 6 * MiB + 1 })).rejects.toThrow(
      /holds 6291456 bytes .* the local file has 6291457/,
    );
  });
});
