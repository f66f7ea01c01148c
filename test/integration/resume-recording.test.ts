import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { migrate } from '../../src/core/services/catalog/migrate';
import { migrations } from '../../src/core/services/catalog/migrations';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { listSegments } from '../../src/core/services/catalog/queries/chunks';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { createRecordingService } from '../../src/core/services/recording/recording-service';
import { nodeSegmentFiles } from '../../src/core/services/recording/segment-files';
import { locateFfmpegTool } from '../../src/core/services/media/locate-ffmpeg';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { createTestCore } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const db = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));
const bytes = (n: number) => new Uint8Array(1000).fill(n);

/** A recording service over a fresh catalog whose interview was taken with script `script-a`. */
function setup(activeScriptId: string | null = 'script-a', now?: () => Date) {
  const dir = tempDir();
  const { db } = openCatalog(path.join(dir, 'catalog.sqlite'));
  insertInterview(db, { id: 'int-1', scriptId: 'script-a', title: 'T', createdAt: new Date().toISOString() });
  let awake = 0;
  const service = createRecordingService({
    db,
    runId: 'run-1',
    recordingsDir: path.join(dir, 'recordings'),
    files: nodeSegmentFiles,
    freeBytes: () => 50e9,
    minFreeBytes: 0,
    activeScriptId: () => activeScriptId,
    now,
    keepAwake: { start: () => (awake++, () => awake--) },
  });
  const events: string[] = [];
  for (const event of ['paused', 'resumed', 'stopped'] as const)
    service.on(event, ({ recordingId }) => events.push(`${event} ${recordingId}`));
  return { db, service, events, awake: () => awake };
}

async function appendSeconds(service: ReturnType<typeof setup>['service'], recordingId: string, segment: number, seconds: number) {
  for (let index = 0; index < seconds; index++) {
    await service.appendChunk({ recordingId, segment, index, bytes: bytes(index + 1), mediaEndMs: (index + 1) * 1000 });
  }
}

describe('recording service: suspend, resume, submit', () => {
  it('pauses at the last durable chunk, refuses later chunks, and pausing again changes nothing', async () => {
    const { db, service, events, awake } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await appendSeconds(service, recordingId, 0, 3);
    await expect(service.suspend({ recordingId })).resolves.toEqual({ state: 'paused' });
    await expect(service.suspend({ recordingId })).resolves.toEqual({ state: 'paused' });
    await expect(service.appendChunk({ recordingId, segment: 0, index: 3, bytes: bytes(9) })).rejects.toMatchObject({ code: 'CONFLICT' });
    const detail = getRecordingDetail(db, recordingId)!;
    expect(detail).toMatchObject({ state: 'paused', durationMs: 3000, chunkCount: 3 });
    expect(detail.segments[0]!.endedAt).not.toBeNull();
    expect(fs.statSync(detail.segments[0]!.filePath).size).toBe(3000);
    expect(events).toEqual([`paused ${recordingId}`]);
    expect(awake()).toBe(0);
  });

  it('continues in a new segment with the earlier time restored; the stop stores every part', async () => {
    const { db, service, events } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await appendSeconds(service, recordingId, 0, 3);
    await service.suspend({ recordingId });

    await expect(service.resume({ recordingId, mimeType: 'video/webm' })).resolves.toEqual({ recordingId, segment: 1, recordedMs: 3000 });
    await appendSeconds(service, recordingId, 1, 2);
    // The renderer's clock went on from 3 s, so it reports the whole length; the store never keeps less than the chunks hold.
    await service.stop({ recordingId, durationMs: 1900 });

    const detail = getRecordingDetail(db, recordingId)!;
    expect(detail).toMatchObject({ state: 'stopped', durationMs: 5000, chunkCount: 5, stopReason: null });
    expect(detail.segments.map((s) => [s.seq, s.chunkCount, path.basename(s.filePath)])).toEqual([
      [0, 3, 'segment-000.webm'],
      [1, 2, 'segment-001.webm'],
    ]);
    expect(events).toEqual([`paused ${recordingId}`, `resumed ${recordingId}`, `stopped ${recordingId}`]);
  });

  it('continues after the last segment even when a retake had added more', async () => {
    const { service } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await appendSeconds(service, recordingId, 0, 1);
    await service.startSegment({ recordingId });
    await appendSeconds(service, recordingId, 1, 2);
    await service.suspend({ recordingId });
    await expect(service.resume({ recordingId, mimeType: 'video/webm' })).resolves.toEqual({ recordingId, segment: 2, recordedMs: 3000 });
  });

  it('refuses to continue a recording that is not paused, or one taken with another script', async () => {
    const { service } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await expect(service.resume({ recordingId, mimeType: 'video/webm' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const other = setup('script-b');
    const started = await other.service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await other.service.suspend({ recordingId: started.recordingId });
    await expect(other.service.resume({ recordingId: started.recordingId, mimeType: 'video/webm' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('another interview script'),
    });
    expect(getRecordingDetail(other.db, started.recordingId)!.state).toBe('paused');
  });

  it('submits a paused recording as stopped (interrupted), once, and refuses one still recording', async () => {
    const { db, service, events } = setup();
    const { recordingId } = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await appendSeconds(service, recordingId, 0, 2);
    await expect(service.submitPaused({ recordingId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await service.suspend({ recordingId });
    await expect(service.submitPaused({ recordingId })).resolves.toEqual({ state: 'stopped' });
    await expect(service.submitPaused({ recordingId })).resolves.toEqual({ state: 'stopped' });
    expect(getRecordingDetail(db, recordingId)).toMatchObject({ state: 'stopped', stopReason: 'interrupted', durationMs: 2000 });
    expect(events).toEqual([`paused ${recordingId}`, `stopped ${recordingId}`]);
    await expect(service.resume({ recordingId, mimeType: 'video/webm' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('a page that went silent', () => {
  it('pauses a recording that has had no chunk for 20 s, and leaves one that is still sending alone', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const { db, service } = setup('script-a', () => new Date(clock));
    const silent = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    const talking = await service.start({ interviewId: 'int-1', mimeType: 'video/webm' });
    await appendSeconds(service, silent.recordingId, 0, 2);
    for (let second = 0; second < 25; second++) {
      clock += 1000;
      await service.appendChunk({ recordingId: talking.recordingId, segment: 0, index: second, bytes: bytes(second + 1) });
    }
    expect(await service.suspendStalled()).toEqual([silent.recordingId]);
    expect(getRecordingDetail(db, silent.recordingId)).toMatchObject({ state: 'paused', chunkCount: 2 });
    expect(getRecordingDetail(db, talking.recordingId)!.state).toBe('recording');
    expect(await service.suspendStalled()).toEqual([]);
  });
});

describe('getResumableInterview', () => {
  /** A consented interview of the loaded (practice) script, recording, with these question markers. */
  async function interrupted(core: Core, marks: Array<[kind: 'question.start' | 'question.end', index: number, ended?: string]>) {
    const script = core.interview.ok ? core.interview.script : expect.unreachable('no script');
    const handlers = createHandlerTable(core);
    const { interviewId } = await handlers.giveConsent({ scriptId: script.id, agreed: true }, {} as never);
    const { recordingId } = await handlers.startRecording({ interviewId, mimeType: 'video/webm' }, {} as never);
    await handlers.appendChunk({ recordingId, segment: 0, index: 0, bytes: bytes(1), mediaEndMs: 1500 }, {} as never);
    for (const [i, [kind, index, ended]] of marks.entries()) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      await handlers.recordEvent(
        { interviewId, recordingId, kind, at, data: { index, take: 1, ...(ended ? { ended } : {}) } },
        {} as never,
      );
    }
    await handlers.suspendRecording({ recordingId }, {} as never);
    return { handlers, interviewId, recordingId, script };
  }

  it('offers the question being answered when the page went away, with what was recorded', async () => {
    const core = createTestCore();
    const { handlers, interviewId, recordingId, script } = await interrupted(core, [
      ['question.start', 0],
      ['question.end', 0, 'timeout'],
      ['question.start', 1],
    ]);
    expect(await handlers.getResumableInterview(undefined, {} as never)).toMatchObject({
      interviewId,
      recordingId,
      scriptId: script.id,
      title: script.title,
      recordedMs: 1500,
      questionIndex: 1,
      questionCount: script.questions.length,
      canContinue: true,
      reason: null,
    });
  });

  it('offers the next question when the last answer had ended, the same one when it was to be retaken', async () => {
    const ended = await interrupted(createTestCore(), [
      ['question.start', 0],
      ['question.end', 0, 'skip'],
    ]);
    expect(await ended.handlers.getResumableInterview(undefined, {} as never)).toMatchObject({ questionIndex: 1, canContinue: true });
    const retake = await interrupted(createTestCore(), [
      ['question.start', 0],
      ['question.end', 0, 'retake'],
    ]);
    expect(await retake.handlers.getResumableInterview(undefined, {} as never)).toMatchObject({ questionIndex: 0, canContinue: true });
  });

  it('only offers to submit when every question was answered, or the script is another one; none once submitted', async () => {
    const core = createTestCore();
    const count = core.interview.ok ? core.interview.script.questions.length : 0;
    const all = await interrupted(core, [
      ['question.start', count - 1],
      ['question.end', count - 1, 'timeout'],
    ]);
    expect(await all.handlers.getResumableInterview(undefined, {} as never)).toMatchObject({
      questionIndex: count - 1,
      canContinue: false,
      reason: 'all-answered',
    });
    db(core).prepare('UPDATE interviews SET script_id = ? WHERE id = ?').run('an-older-script', all.interviewId);
    expect(await all.handlers.getResumableInterview(undefined, {} as never)).toMatchObject({
      canContinue: false,
      reason: 'script-changed',
    });
    await all.handlers.submitPausedRecording({ recordingId: all.recordingId }, {} as never);
    expect(await all.handlers.getResumableInterview(undefined, {} as never)).toBeNull();
  });
});

describe('a resumed interview, end to end in the core', () => {
  let parts: RecordedChunks[];
  beforeAll(async () => {
    parts = [await recordChunks('h264-webm', 3), await recordChunks('h264-webm', 4)];
  }, 60_000);

  /** The run looks like a process that died without ending it (kill -9, power cut). */
  const crash = (core: Core) =>
    db(core)
      .prepare('UPDATE runs SET pid = ? WHERE id = ?')
      .run(spawnSync(process.execPath, ['-e', '0']).pid!, core.run.id);

  it('a crash pauses it; continued after a restart, it becomes ONE finalized recording holding both parts', async () => {
    const root = tempDir();
    const first = createTestCore(root);
    const handlers = createHandlerTable(first);
    const scriptId = first.interview.ok ? first.interview.script.id : '';
    const { interviewId } = await handlers.giveConsent({ scriptId, agreed: true }, {} as never);
    const { recordingId } = await first.recording.start({ interviewId, mimeType: parts[0]!.mimeType });
    for (const [index, chunk] of parts[0]!.chunks.entries()) {
      await first.recording.appendChunk({ recordingId, segment: 0, index, bytes: chunk, mediaEndMs: (index + 1) * 1000 });
    }
    crash(first);

    const second = createTestCore(root);
    expect(await second.recover()).toMatchObject([{ recordingId, outcome: 'paused', crashed: true }]);
    await expect(second.finalize(recordingId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('paused interview'),
    });
    const resumed = await second.recording.resume({ recordingId, mimeType: parts[1]!.mimeType });
    expect(resumed).toEqual({ recordingId, segment: 1, recordedMs: 3000 });
    for (const [index, chunk] of parts[1]!.chunks.entries()) {
      await second.recording.appendChunk({ recordingId, segment: 1, index, bytes: chunk, mediaEndMs: (index + 1) * 1000 });
    }
    await second.recording.stop({ recordingId, durationMs: 7000 });
    await second.pipeline.idle();

    const detail = getRecordingDetail(db(second), recordingId)!;
    expect(detail).toMatchObject({ state: 'finalized', durationMs: 7000, chunkCount: 7 });
    expect(listSegments(db(second), recordingId).map((s) => s.seq)).toEqual([0, 1]);
    expect(detail.outputs).toHaveLength(1); // the segments joined into one file
    expect(Math.abs(detail.outputs[0]!.durationMs - 7000)).toBeLessThan(500);
  });
});

describe('finalize joins parts whose recorders added their tracks in another order', () => {
  it('puts a part with audio first into the first part’s order, so the recording is still one verified file', async () => {
    const [videoFirst, other] = [await recordChunks('h264-webm', 3), await recordChunks('h264-webm', 2)];
    const dir = tempDir();
    const source = path.join(dir, 'part.mkv');
    fs.writeFileSync(source, Buffer.concat(other.chunks));
    const audioFirst = path.join(dir, 'audio-first.mkv');
    const ffmpeg = locateFfmpegTool('ffmpeg').path!;
    spawnSync(ffmpeg, ['-v', 'error', '-i', source, '-map', '0:a', '-map', '0:v', '-c', 'copy', '-f', 'matroska', audioFirst]);
    const part: RecordedChunks = { ...other, chunks: [fs.readFileSync(audioFirst)] };

    const core = createTestCore();
    const id = await recordSession(core, [videoFirst, { ...part, seconds: 1 }], { durationMs: 5000 });
    const detail = await core.finalize(id);
    expect(detail.outputs).toHaveLength(1);
    expect(Math.abs(detail.outputs[0]!.durationMs - 5000)).toBeLessThan(500);
  }, 60_000);
});

describe('migration 7 (paused)', () => {
  it('rebuilds the recordings table with foreign keys on, keeping every row that refers to it', () => {
    const file = path.join(tempDir(), 'catalog.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, migrations.slice(0, 6));
    old.exec(`
      INSERT INTO interviews (id, title, created_at) VALUES ('i1', 'Old interview', '2026-01-01T00:00:00Z');
      INSERT INTO recordings (id, interview_id, state, started_at, run_id, stop_reason, uploaded_at)
        VALUES ('r1', 'i1', 'uploaded', '2026-01-01T00:00:00Z', 'run-0', 'disk-low', '2026-01-02T00:00:00Z');
      INSERT INTO segments (recording_id, seq, file_path, mime_type, started_at) VALUES ('r1', 0, '/x/segment-000.webm', 'video/webm', '2026-01-01T00:00:00Z');
      INSERT INTO chunks (recording_id, segment_seq, idx, byte_offset, size, sha256, received_at) VALUES ('r1', 0, 0, 0, 10, 'h', '2026-01-01T00:00:01Z');
      INSERT INTO events (interview_id, recording_id, at, kind) VALUES ('i1', 'r1', '2026-01-01T00:00:01Z', 'question.start');
      INSERT INTO recording_outputs (recording_id, seq, file_path, container, duration_ms, size, sha256) VALUES ('r1', 0, '/x/out.webm', 'webm', 1000, 10, 'h');
    `);
    migrate(old, migrations);
    expect(old.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(old.pragma('foreign_key_check')).toEqual([]);
    const count = (table: string) => (old.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(['recordings', 'segments', 'chunks', 'events', 'recording_outputs'].map(count)).toEqual([1, 1, 1, 1, 1]);
    expect(old.prepare('SELECT state, run_id, stop_reason, uploaded_at, paused_at FROM recordings').get()).toEqual({
      state: 'uploaded',
      run_id: 'run-0',
      stop_reason: 'disk-low',
      uploaded_at: '2026-01-02T00:00:00Z',
      paused_at: null,
    });
    old.prepare(`UPDATE recordings SET state = 'paused' WHERE id = 'r1'`).run();
    expect(() => old.prepare(`UPDATE recordings SET state = 'sleeping' WHERE id = 'r1'`).run()).toThrow(/CHECK/);
    // Cascades still reach the children through the rebuilt table.
    old.exec(`DELETE FROM recordings WHERE id = 'r1'`);
    expect(['segments', 'chunks', 'events', 'recording_outputs'].map(count)).toEqual([0, 0, 0, 0]);
    old.close();
  });
});
