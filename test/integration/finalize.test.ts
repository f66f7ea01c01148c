import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { AppError } from '../../src/core/errors/app-error';
import { listSegments } from '../../src/core/services/catalog/queries/chunks';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { finalizeRecording, type FinalizeDeps } from '../../src/core/services/finalize/finalize-recording';
import { requireFfmpegTools } from '../../src/core/services/media/locate-ffmpeg';
import type { FinalizeProgress } from '../../src/shared/domain/recording';
import { framesInLastSecond, probeVideo, runMediaTool } from '../support/media-analysis';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { recordSession, type Marker } from '../support/recorded-session';
import { createTestCore } from '../support/test-core';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Media files and leftovers in a recording's folder (not its small descriptive sidecar). */
const mediaFilesIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .sort();
const db = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));
const depsOf = (core: Core, overrides: Partial<FinalizeDeps> = {}): FinalizeDeps => ({
  db: db(core),
  run: core.run!,
  tools: () => requireFfmpegTools(),
  freeBytes: () => null,
  ...overrides,
});

/** Chapters as ffprobe reads them back from the finished file. */
async function chaptersOf(file: string) {
  const json = JSON.parse((await runMediaTool('ffprobe', ['-v', 'error', '-show_chapters', '-of', 'json', file])).toString()) as {
    chapters: Array<{ start_time: string; end_time: string; tags?: { title?: string } }>;
  };
  return json.chapters.map((c) => ({ start: Number(c.start_time), end: Number(c.end_time), title: c.tags?.title ?? '' }));
}

const markers: Marker[] = [
  { kind: 'question.start', index: 0, mediaMs: 0 },
  { kind: 'question.end', index: 0, mediaMs: 2500 },
  { kind: 'question.start', index: 1, mediaMs: 2500 },
  { kind: 'question.end', index: 1, mediaMs: 6000 },
];

describe('finalize: stream copy into a seekable, verified file', () => {
  const media: Partial<Record<RecordedChunks['format'], RecordedChunks>> = {};
  beforeAll(async () => {
    for (const format of ['vp8-webm', 'h264-mp4', 'h264-webm'] as const) media[format] = await recordChunks(format, 6);
  }, 120_000);

  it.each([
    ['vp8-webm', 'webm', 'vp8'],
    ['h264-mp4', 'mp4', 'h264'],
    ['h264-webm', 'mp4', 'h264'],
  ] as const)('%s chunks become a %s file: duration, last second, chapters and sha256 match', async (format, container, codec) => {
    const core = createTestCore();
    const id = await recordSession(core, [media[format]!], { markers });
    const progress: FinalizeProgress[] = [];
    const detail = await core.finalize(id, { onProgress: (p) => progress.push(p) });

    expect(detail.state).toBe('finalized');
    const [output] = detail.outputs;
    expect(output!.filePath).toMatch(new RegExp(`${id}\\.${container}$`));
    const probe = await probeVideo(output!.filePath);
    expect(probe).toMatchObject({ codec, width: 1280, height: 720 });
    const { durationSec } = probe;
    expect(Math.abs(durationSec - 6)).toBeLessThan(0.5);
    expect(await framesInLastSecond(output!.filePath, durationSec)).toBeGreaterThanOrEqual(25);
    expect(await chaptersOf(output!.filePath)).toEqual([
      { start: 0, end: 2.5, title: 'Question 1' },
      { start: 2.5, end: 6, title: 'Question 2' },
    ]);
    expect(output!.sha256).toBe(sha256(output!.filePath));
    expect(getRecordingDetail(db(core), id)).toMatchObject({ state: 'finalized', sha256: output!.sha256, filePath: output!.filePath });
    // The segment file is kept untouched until an upload is verified.
    expect(fs.statSync(detail.segments[0]!.filePath).size).toBe(media[format]!.chunks.reduce((n, c) => n + c.length, 0));
    // Progress rises to 1 through the remux and verify stages; no temporary files remain.
    expect(progress.at(-1)).toMatchObject({ stage: 'finalized', fraction: 1 });
    expect(progress.some((p) => p.stage === 'remuxing' && p.fraction > 0.3 && p.fraction < 0.95)).toBe(true);
    expect(fs.readdirSync(path.dirname(output!.filePath)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('puts the MP4 index first (+faststart), so a player can seek before the whole file arrives', async () => {
    const core = createTestCore();
    const detail = await core.finalize(await recordSession(core, [media['h264-webm']!]));
    const head = fs
      .readFileSync(detail.outputs[0]!.filePath)
      .subarray(0, 64 * 1024)
      .toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
  });

  it('joins a retake segment with the concat demuxer: one file, both takes, a chapter each', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['h264-webm']!, media['h264-webm']!], {
      markers: [
        { kind: 'question.start', index: 0, take: 1, mediaMs: 0 },
        { kind: 'question.end', index: 0, take: 1, mediaMs: 6000 },
        { kind: 'question.start', index: 0, take: 2, mediaMs: 6000 },
        { kind: 'question.end', index: 0, take: 2, mediaMs: 12_000 },
      ],
    });
    const detail = await core.finalize(id);
    expect(detail.outputs).toHaveLength(1);
    expect(Math.abs(detail.outputs[0]!.durationMs - 12_000)).toBeLessThan(500);
    expect((await chaptersOf(detail.outputs[0]!.filePath)).map((c) => c.title)).toEqual(['Question 1', 'Question 1 (take 2)']);
  });

  it('keeps segments whose streams differ as separate files instead of re-encoding', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['vp8-webm']!, media['h264-webm']!], { durationMs: 12_000 });
    const detail = await core.finalize(id);
    expect(detail.outputs.map((o) => path.basename(o.filePath))).toEqual([`${id}-part1.webm`, `${id}-part2.mp4`]);
    expect(detail.outputs.map((o) => o.sha256)).toEqual(detail.outputs.map((o) => sha256(o.filePath)));
  });

  it('judges the file by the media its chunks hold, not by the recorder clock: a wrong wall-clock time is no failure', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['vp8-webm']!], { durationMs: 20_000 });
    const detail = await core.finalize(id);
    expect(detail).toMatchObject({ state: 'finalized', error: null });
    expect(Math.abs(detail.outputs[0]!.durationMs - 6000)).toBeLessThan(200);
    expect(detail.durationMs).toBe(20_000); // the recorder's own clock stays on record, for the report
  });

  it('a file that cannot be made is still delivered: the segment files as recorded, each decoding to its end', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['h264-webm']!, media['vp8-webm']!]);
    const detail = await finalizeRecording(depsOf(core, { tools: () => ({ ...requireFfmpegTools(), ffmpeg: '/bin/false' }) }), id);
    expect(detail.state).toBe('finalized');
    expect(detail.error).toMatch(/No single video file could be made \(ffmpeg failed: .*\); delivered as recorded, 2 file\(s\)/);
    expect(detail.outputs.map((o) => o.filePath)).toEqual(detail.segments.map((s) => s.filePath));
    expect(detail.outputs.map((o) => o.sha256)).toEqual(detail.segments.map((s) => sha256(s.filePath)));
    for (const output of detail.outputs) expect(Math.abs(output.durationMs - 6000)).toBeLessThan(200);
    expect(mediaFilesIn(path.dirname(detail.segments[0]!.filePath))).toEqual(['segment-000.webm', 'segment-001.webm']);
  });

  it('an ffmpeg that cannot be started is no verdict on the data: the recording stays ready to finalize again', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['h264-webm']!]);
    const missing = { ...requireFfmpegTools(), ffmpeg: '/nonexistent/ffmpeg' };
    const error = await finalizeRecording(depsOf(core, { tools: () => missing }), id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/Check the ffmpeg installation.*nothing recorded was lost/),
    });
    expect(getRecordingDetail(db(core), id)).toMatchObject({ state: 'stopped', outputs: [] });
    expect((await core.finalize(id)).state).toBe('finalized');
  });

  it('only data that cannot be read at all ends failed, with the reason; the chunks are kept', async () => {
    const core = createTestCore();
    const garbage = { ...media['vp8-webm']!, chunks: media['vp8-webm']!.chunks.map((c) => Buffer.alloc(c.length, 0x5a)) };
    const id = await recordSession(core, [garbage]);
    const error = await core.finalize(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'MEDIA_ERROR', retryable: false });
    expect((error as AppError).message).toMatch(/recorded data cannot be read: segment 1 \(.+\)\. The recorded chunks are kept/);
    const detail = getRecordingDetail(db(core), id)!;
    expect(detail).toMatchObject({ state: 'failed', outputs: [], filePath: null });
    expect(detail.error).toMatch(/cannot be read/);
    expect(listSegments(db(core), id)[0]!.chunkCount).toBe(garbage.chunks.length);
    expect(mediaFilesIn(path.dirname(detail.segments[0]!.filePath))).toEqual(['segment-000.webm']);
  });

  it('leaves out a retake with no readable packet and notes it, keeping the rest in one verified file', async () => {
    const core = createTestCore();
    const empty = { ...media['h264-webm']!, chunks: [Buffer.alloc(4096, 0)] };
    const id = await recordSession(core, [media['h264-webm']!, empty]);
    const detail = await core.finalize(id);
    expect(detail.outputs.map((o) => path.basename(o.filePath))).toEqual([`${id}.mp4`]);
    expect(Math.abs(detail.outputs[0]!.durationMs - 6000)).toBeLessThan(200);
    expect(detail.error).toMatch(/Left out, unreadable: segment 2/);
  });

  it('cancelling stops ffmpeg, removes the partial file and leaves the recording ready to finalize again', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['h264-webm']!]);
    const abort = new AbortController();
    const error = await finalizeRecording(depsOf(core), id, {
      signal: abort.signal,
      onProgress: (p) => p.stage === 'remuxing' && abort.abort(),
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('CANCELLED');
    expect(getRecordingDetail(db(core), id)).toMatchObject({ state: 'stopped', error: expect.stringMatching(/cancelled/) });
    expect(mediaFilesIn(path.dirname(listSegments(db(core), id)[0]!.filePath))).toEqual(['segment-000.webm']);
    expect((await core.finalize(id)).state).toBe('finalized');
  });

  it('refuses to start without room for the output, saying how much is needed; nothing changes', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['h264-webm']!]);
    const error = await finalizeRecording(depsOf(core, { freeBytes: () => 1_000_000 }), id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISK_FULL', retryable: true });
    expect((error as AppError).message).toMatch(/about 1\d\.\d MB is needed \(1\.0 MB free\)/);
    expect(getRecordingDetail(db(core), id)).toMatchObject({ state: 'stopped', outputs: [] });
  });

  it('without ffmpeg, says how to provide it and leaves the recording as it was', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['vp8-webm']!]);
    const missing = () => requireFfmpegTools({ env: { FFMPEG_PATH: '/nowhere/ffmpeg', PATH: '/nowhere' } });
    const error = await finalizeRecording(depsOf(core, { tools: missing }), id).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toMatch(/ffmpeg not found.*FFMPEG_PATH/);
    expect(getRecordingDetail(db(core), id)!.state).toBe('stopped');
  });

  it('a second finalize of a finalized recording does no work and returns the same file', async () => {
    const core = createTestCore();
    const id = await recordSession(core, [media['vp8-webm']!]);
    const first = await core.finalize(id);
    const mtime = fs.statSync(first.outputs[0]!.filePath).mtimeMs;
    expect((await core.finalize(id)).outputs).toEqual(first.outputs);
    expect(fs.statSync(first.outputs[0]!.filePath).mtimeMs).toBe(mtime);
  });
});
