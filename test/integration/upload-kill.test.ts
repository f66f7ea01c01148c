// The kill test: `irec upload --file` is killed with SIGKILL at random moments and run again each time; the object
// must end byte-identical, and no part the catalog had recorded as confirmed may ever be sent again.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../support/built';
import { startFaultProxy } from '../support/fault-proxy';
import { localS3, objectDigest, s3Settings } from '../support/local-s3';
import { spawnGroup } from '../support/process-group';
import { randomFile } from '../support/random-file';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

const MiB = 1024 * 1024;
const KILLS = 10;
const SIZE = 128 * MiB;
const CAP = 20 * MiB; // bytes per second through the proxy: ~6.4 s of wire time, spread over the runs

/** Part numbers S3 confirmed, per upload id, as the catalog records them (none yet if a kill came before it existed). */
function confirmedParts(catalog: string): Set<string> {
  if (!fs.existsSync(catalog)) return new Set();
  const db = new Database(catalog, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT j.upload_id AS uploadId, p.part_number AS partNumber FROM upload_parts p JOIN upload_jobs j ON j.id = p.job_id WHERE p.state = 'confirmed'`,
      )
      .all() as Array<{ uploadId: string; partNumber: number }>;
    return new Set(rows.map((row) => `${row.uploadId}#${row.partNumber}`));
  } finally {
    db.close();
  }
}

const partOf = (url: string) => {
  const query = new URL(url, 'http://x').searchParams;
  return query.has('partNumber') ? `${query.get('uploadId')}#${query.get('partNumber')}` : null;
};

describe('irec upload under SIGKILL', () => {
  it(`resumes after ${KILLS} kills without re-sending a confirmed part`, { timeout: 240_000 }, async () => {
    const s3 = await localS3();
    const proxy = await startFaultProxy({ target: s3.endpoint });
    proxy.capBandwidth(CAP);
    const root = tempDir();
    const { file, sha256 } = randomFile(root, SIZE);
    const env = testEnv(root);
    const args = [
      'upload',
      '--file',
      file,
      '--key',
      'exports/killed.bin',
      '--json',
      ...s3Settings(s3, proxy.url, { 's3.concurrency': 2 }).flatMap((set) => ['--set', set]),
    ];
    const catalog = path.join(env.IREC_DATA_DIR!, 'catalog.sqlite');
    const resent: string[] = [];
    let confirmedBefore = new Set<string>();
    /** Parts sent since request `from` that the catalog already had as confirmed. */
    const resentSince = (from: number) =>
      proxy
        .requests()
        .slice(from)
        .map((r) => partOf(r.url))
        .filter((part): part is string => part !== null && confirmedBefore.has(part));

    for (let kill = 0; kill < KILLS; kill++) {
      const from = proxy.requests().length;
      const irec = spawnGroup(process.execPath, [builtFile('cli/irec.cjs'), ...args], { env, stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 800 + Math.random() * 2200));
      await irec.kill();
      resent.push(...resentSince(from));
      confirmedBefore = confirmedParts(catalog);
    }
    const from = proxy.requests().length;
    const last = await runIrecAsync(args, env);
    resent.push(...resentSince(from));

    expect(last.stderr).toBe('');
    expect(last.status).toBe(0);
    expect(last.json()).toMatchObject({ state: 'done', size: SIZE, bytesSent: SIZE });
    expect(confirmedBefore.size).toBeGreaterThan(0);
    expect(resent).toEqual([]);
    // Every run resumed the same multipart upload, and each kill cost at most the parts it had in flight.
    const uploadIds = new Set(
      proxy
        .requests()
        .map((r) => new URL(r.url, 'http://x').searchParams.get('uploadId'))
        .filter(Boolean),
    );
    expect(uploadIds.size).toBeLessThanOrEqual(2); // a kill between CreateMultipartUpload and its row may orphan one
    expect(proxy.bytesReceived()).toBeLessThanOrEqual(SIZE + KILLS * 2 * 8 * MiB);
    expect(await objectDigest(s3, 'exports/killed.bin')).toEqual({ sha256, size: SIZE });
  });
});
