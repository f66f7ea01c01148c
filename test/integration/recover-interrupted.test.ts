import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { listSegments } from '../../src/core/services/catalog/queries/chunks';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { createTestCore } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const db = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));

/** A pid that existed a moment ago and no longer does: what a crashed app leaves in its run row. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

/** Makes `core`'s run look like a process that died without ending its run (kill -9, power cut). */
function crash(core: Core): void {
  db(core).prepare('UPDATE runs SET pid = ? WHERE id = ?').run(deadPid(), core.run!.id);
}

describe('crash recovery', () => {
  let media: RecordedChunks;
  beforeAll(async () => {
    media = await recordChunks('h264-webm', 5);
  }, 60_000);

  it('cuts a torn chunk off and pauses the interview; submitted, what was durable is finalized and the user told', async () => {
    const root = tempDir();
    const crashed = createTestCore(root);
    const id = await recordSession(crashed, [media], { stop: false });
    const segment = listSegments(db(crashed), id)[0]!;
    fs.appendFileSync(segment.filePath, media.chunks[1]!.subarray(0, 1234)); // the next chunk, half written
    crash(crashed);

    const restarted = createTestCore(root);
    expect(await restarted.recover()).toMatchObject([{ recordingId: id, interrupted: true, crashed: true, outcome: 'paused' }]);
    expect(fs.statSync(segment.filePath).size).toBe(segment.bytes);
    const paused = getRecordingDetail(db(restarted), id)!;
    expect(paused).toMatchObject({ state: 'paused', recoveredAt: expect.any(String), chunkCount: media.chunks.length, outputs: [] });
    expect(Math.abs(paused.durationMs! - 5000)).toBeLessThan(500);
    expect(await createHandlerTable(restarted).getRecoveryNotices(undefined, {} as never)).toEqual([]); // offered, not "recovered"

    const reports = await restarted.recover({ submitPaused: true });
    expect(reports).toMatchObject([{ recordingId: id, interrupted: true, crashed: true, outcome: 'finalized' }]);
    const detail = getRecordingDetail(db(restarted), id)!;
    expect(detail).toMatchObject({ state: 'finalized', recoveredAt: expect.any(String), chunkCount: media.chunks.length });
    expect(detail.error).toBeNull();
    expect(Math.abs(detail.outputs[0]!.durationMs - 5000)).toBeLessThan(500);
    const notices = await createHandlerTable(restarted).getRecoveryNotices(undefined, {} as never);
    expect(notices).toMatchObject([{ recordingId: id, crashed: true, outcome: 'finalized' }]);
  });

  it('forgets chunk rows whose bytes never reached the disk', async () => {
    const root = tempDir();
    const crashed = createTestCore(root);
    const id = await recordSession(crashed, [media], { stop: false });
    const segment = listSegments(db(crashed), id)[0]!;
    const lastTwo = media.chunks.at(-1)!.length + media.chunks.at(-2)!.length;
    fs.truncateSync(segment.filePath, segment.bytes - lastTwo + 10); // as if the file system lost its tail
    crash(crashed);

    const restarted = createTestCore(root);
    await restarted.recover({ submitPaused: true });
    const detail = getRecordingDetail(db(restarted), id)!;
    expect(detail.chunkCount).toBe(media.chunks.length - 2);
    expect(fs.statSync(segment.filePath).size).toBe(segment.bytes - lastTwo);
    expect(detail.state).toBe('finalized');
    expect(Math.abs(detail.outputs[0]!.durationMs - 3000)).toBeLessThan(500);
  });

  it('leaves alone a recording that a live process is still recording, and names that process', async () => {
    const root = tempDir();
    const live = createTestCore(root);
    const id = await recordSession(live, [media], { stop: false });
    const other = createTestCore(root);
    const run = db(other).prepare('SELECT pid, runtime, started_at AS startedAt FROM runs WHERE id = ?').get(live.run!.id);
    expect(await other.recover()).toEqual([expect.objectContaining({ recordingId: id, outcome: 'skipped', owner: run })]);
    expect(run).toMatchObject({ pid: process.pid, runtime: 'node' });
    expect(getRecordingDetail(db(other), id)!.state).toBe('recording');
  });

  it('tells a quit while recording from a crash, and resumes a finalize a crash interrupted', async () => {
    const root = tempDir();
    const first = createTestCore(root);
    const quitId = await recordSession(first, [media], { stop: false });
    const finalizingId = await recordSession(first, [media]);
    db(first).prepare(`UPDATE recordings SET state = 'finalizing' WHERE id = ?`).run(finalizingId);
    await first.close(); // a clean exit: the run is ended, the open recording stays 'recording'

    const restarted = createTestCore(root);
    const reports = await restarted.recover();
    expect(reports.map((r) => [r.recordingId, r.interrupted, r.crashed, r.outcome])).toEqual([
      [quitId, true, false, 'paused'],
      [finalizingId, true, false, 'finalized'],
    ]);
  });

  it('a second recover changes nothing: the paused interview waits for the candidate until it is submitted', async () => {
    const root = tempDir();
    const crashed = createTestCore(root);
    const id = await recordSession(crashed, [media], { stop: false });
    crash(crashed);
    const restarted = createTestCore(root);
    expect(await restarted.recover()).toHaveLength(1);
    expect(await restarted.recover()).toEqual([
      expect.objectContaining({ recordingId: id, outcome: 'paused', message: expect.stringMatching(/^paused since /) }),
    ]);
    expect(getRecordingDetail(db(restarted), id)!.state).toBe('paused');
    await restarted.recover({ submitPaused: true });
    expect(await restarted.recover()).toEqual([]);
  });
});
