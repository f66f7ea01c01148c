import { describe, expect, it } from 'vitest';
import { listParts } from '../../src/core/services/catalog/queries/uploads';
import { startFaultProxy } from '../support/fault-proxy';
import { localS3, objectDigest, s3Settings } from '../support/local-s3';
import { randomFile } from '../support/random-file';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const MiB = 1024 * 1024;
const OFFLINE_MS = 60_000;

describe('upload through a network outage', () => {
  it('pauses while the network is down for 60 s and completes afterwards', { timeout: 150_000 }, async () => {
    const s3 = await localS3();
    const proxy = await startFaultProxy({ target: s3.endpoint });
    proxy.capBandwidth(4 * MiB);
    const dir = tempDir();
    const { file, sha256 } = randomFile(dir, 40 * MiB);
    const core = createTestCore(dir, {}, s3Settings(s3, proxy.url));

    const upload = core.uploads!.uploadFile(file, 'offline.bin');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    proxy.down();
    await new Promise((resolve) => setTimeout(resolve, OFFLINE_MS));
    const [during] = core.uploads!.jobs();
    expect(during).toMatchObject({
      state: 'uploading',
      lastError: expect.stringMatching(/^No connection to .*; waiting for the network\.$/),
    });
    expect(during!.bytesSent).toBeLessThan(40 * MiB);
    proxy.up();

    const job = await upload;
    expect(job).toMatchObject({ state: 'done', bytesSent: 40 * MiB });
    expect(await objectDigest(s3, 'offline.bin')).toEqual({ sha256, size: 40 * MiB });
    // The outage cost waiting, not attempts: one real error afterwards must not make the queue give up.
    const db = core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog');
    const parts = listParts(db, job.id);
    expect(parts.map((part) => part.attempts)).toEqual(parts.map(() => 0));
  });
});
