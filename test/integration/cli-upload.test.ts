import { describe, expect, it } from 'vitest';
import type { UploadJobSummary, UploadProgress } from '../../src/shared/domain/upload';
import { localS3, objectDigest, objectExists, s3Settings } from '../support/local-s3';
import { recordChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { runIrecAsync } from '../support/run-irec';
import { createTestCore, testEnv } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const sets = (settings: string[]) => settings.flatMap((setting) => ['--set', setting]);

describe('irec upload and irec uploads list', () => {
  it('uploads a finalized recording, verifies it, lists the jobs; --pending then has nothing left', { timeout: 60_000 }, async () => {
    const s3 = await localS3();
    const root = tempDir();
    const core = createTestCore(root); // recorded and finalized with uploads off
    const id = await recordSession(core, [await recordChunks('vp8-webm', 3)]);
    const detail = await core.finalize(id);
    await core.close();
    const env = testEnv(root);
    const flags = sets(s3Settings(s3));

    const upload = await runIrecAsync(['upload', id, '--json', ...flags], env);
    expect(upload.status, upload.stderr).toBe(0);
    const progress = upload.json<UploadProgress>();
    expect(progress).toMatchObject({ recordingId: id, state: 'uploaded', bucket: s3.bucket, keySize: detail.outputs[0]!.size });
    expect(await objectDigest(s3, progress.key!)).toEqual({ sha256: detail.outputs[0]!.sha256, size: detail.outputs[0]!.size });
    expect(await objectExists(s3, progress.key!.replace(/\.webm$/, '.json'))).toBe(true);

    const list = await runIrecAsync(['uploads', 'list', '--json', ...flags], env);
    expect(list.json<UploadJobSummary[]>().map((job) => [job.kind, job.state])).toEqual([
      ['manifest', 'done'],
      ['final', 'done'],
    ]);
    const human = await runIrecAsync(['uploads', 'list', ...flags], env);
    expect(human.stdout).toMatch(/done\s+final .* parts 1\/1\s+s3:\/\/interview-recordings\/recordings\/\d{4}-\d\d-\d\d\/int-.*\.webm/);

    const pending = await runIrecAsync(['upload', '--pending', ...flags], env);
    expect(pending.status, pending.stderr).toBe(0);
    expect(pending.stdout).toContain('Nothing to upload');
  });

  it('says what is wrong: no bucket configured (exit 4), no target given (exit 2)', async () => {
    const env = testEnv(tempDir());
    const off = await runIrecAsync(['upload', '--pending'], env);
    expect(off.status).toBe(4);
    expect(off.stderr).toContain('No S3 bucket is configured (s3.bucket or IREC_S3_BUCKET)');
    const usage = await runIrecAsync(['upload', '--set', 's3.bucket=x'], env);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('upload needs exactly one of: <recording-id>, --pending, --file <path>');
  });
});
