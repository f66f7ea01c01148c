// `irec recover` while the process that records is still alive (recording, or crashing but not gone yet): the
// recording is left alone and the report names that process; once it is gone, the same command recovers it.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecoveryReport } from '../../src/core/services/recovery/recover-interrupted';
import { startRecorderChild, writeChunkFixture } from '../support/recorder-child';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-paths';

describe('irec recover names the process that still holds a recording', () => {
  it('lists the owner (pid, runtime, start) in JSON and text, exits 0, and recovers the recording once the owner is gone', async () => {
    const fixtureDir = tempDir('irec-owner-fixture-');
    await writeChunkFixture(fixtureDir, 8);
    const root = tempDir();
    const { group, messages } = startRecorderChild(root, fixtureDir);
    try {
      let recordingId = '';
      for await (const message of messages) {
        if (message.event === 'started') recordingId = message.recordingId;
        if (message.event === 'ack' && message.index === 1) break;
      }
      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      const run = db.prepare('SELECT runtime, started_at AS startedAt FROM runs WHERE pid = ?').get(group.pid) as {
        runtime: string;
        startedAt: string;
      };
      db.close();
      expect(run).toBeDefined();

      const whileAlive = await runIrecAsync(['recover', '--json'], testEnv(root));
      expect(whileAlive.status, whileAlive.stderr).toBe(0);
      expect(whileAlive.json<RecoveryReport[]>()).toEqual([
        expect.objectContaining({
          recordingId,
          outcome: 'skipped',
          owner: { pid: group.pid, runtime: run.runtime, startedAt: run.startedAt },
        }),
      ]);
      const text = await runIrecAsync(['recover'], testEnv(root));
      expect(text.stdout).toContain(`${recordingId} (Crash test, from `);
      expect(text.stdout).toContain(`left alone: process ${group.pid} (${run.runtime}, started at ${run.startedAt}) still holds it`);
      expect(text.stdout).not.toContain('Nothing to recover');

      await group.kill();
      const afterKill = await runIrecAsync(['recover', '--json'], testEnv(root));
      expect(afterKill.status, afterKill.stderr).toBe(0);
      expect(afterKill.json<RecoveryReport[]>()).toMatchObject([{ recordingId, outcome: 'paused', interrupted: true, crashed: true }]);
      const waiting = await runIrecAsync(['recover'], testEnv(root));
      expect(waiting.stdout).toContain(`${recordingId} (Crash test, from `);
      expect(waiting.stdout).toContain('waiting for the candidate to continue or submit it in the app');
      const submitted = await runIrecAsync(['recover', '--submit-paused', '--json'], testEnv(root));
      expect(submitted.status, submitted.stderr).toBe(0);
      expect(submitted.json<RecoveryReport[]>()).toMatchObject([{ recordingId, outcome: 'finalized', interrupted: true, crashed: true }]);
    } finally {
      await group.kill();
    }
  }, 120_000);
});
