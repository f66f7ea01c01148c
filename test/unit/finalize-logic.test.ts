import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { chaptersFromMarkers } from '../../src/core/services/finalize/chapters';
import { createFinalizeQueue } from '../../src/core/services/finalize/finalize-queue';
import { expectationFor } from '../../src/core/services/finalize/verify-output';
import { createProgressParser } from '../../src/core/services/media/ffmpeg-progress';
import { outsideAsar } from '../../src/core/services/media/locate-ffmpeg';
import { concatList, containerFor, ffmetadata, remuxArgs } from '../../src/core/services/media/remux-args';
import { startRun, type ProcessPorts } from '../../src/core/services/recovery/run-registry';
import type { RecordingDetail } from '../../src/shared/domain/recording';
import { tempDir } from '../support/temp-dir';

describe('remux arguments', () => {
  it('chooses MP4 for H.264 and WebM for the VP/AV1 codecs', () => {
    expect(containerFor('video/webm;codecs=h264,opus')).toBe('mp4');
    expect(containerFor('video/webm;codecs=avc1.42E01E,opus')).toBe('mp4');
    expect(containerFor('video/mp4')).toBe('mp4');
    expect(containerFor('video/webm;codecs=vp9,opus')).toBe('webm');
    expect(containerFor('video/webm;codecs=vp8,opus')).toBe('webm');
  });

  it('stream-copies (never re-encodes) with faststart for MP4 and cues in front for WebM', () => {
    const mp4 = remuxArgs({ input: { kind: 'file', path: '/r/segment-000.webm' }, output: '/r/out.mp4', container: 'mp4' });
    expect(mp4.join(' ')).toContain('-c copy');
    expect(mp4.join(' ')).toContain('-movflags +faststart');
    expect(mp4.join(' ')).toContain('-map_chapters -1');
    expect(mp4.slice(-3)).toEqual(['-f', 'mp4', '/r/out.mp4']);
    expect(mp4).not.toContain('-c:v');
    const webm = remuxArgs({
      input: { kind: 'concat', listFile: '/r/list.txt' },
      chaptersFile: '/r/ch.txt',
      output: '/r/out.webm',
      container: 'webm',
      metadata: { title: 'A = B' },
    });
    expect(webm.join(' ')).toContain('-f concat -safe 0 -i /r/list.txt -f ffmetadata -i /r/ch.txt');
    expect(webm.join(' ')).toContain('-map_chapters 1');
    expect(webm.join(' ')).toContain('-cues_to_front 1');
    expect(webm).toContain('title=A = B');
  });

  it('quotes concat paths, including a quote inside one', () => {
    expect(concatList(["/a/it's here.webm", '/b/x.webm'])).toBe("file '/a/it'\\''s here.webm'\nfile '/b/x.webm'\n");
  });

  it('escapes chapter titles so a title cannot add metadata lines', () => {
    const text = ffmetadata([{ startMs: 0, endMs: 1500.4, title: 'Why = this; #1\\nope\nrole?' }]);
    expect(text).toBe(';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=Why \\= this\\; \\#1\\\\nope\\\nrole?\n');
  });

  it('maps a packaged path inside app.asar to the unpacked copy', () => {
    expect(outsideAsar('/opt/App/resources/app.asar/node_modules/ffmpeg-static/ffmpeg')).toBe(
      '/opt/App/resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg',
    );
    expect(outsideAsar('C:\\App\\resources\\app.asar\\ffmpeg.exe')).toBe('C:\\App\\resources\\app.asar.unpacked\\ffmpeg.exe');
    expect(outsideAsar('/usr/bin/ffmpeg')).toBe('/usr/bin/ffmpeg');
  });
});

describe('ffmpeg progress', () => {
  it('reads out_time_us across arbitrary chunk boundaries', () => {
    const seen: number[] = [];
    const feed = createProgressParser((ms) => seen.push(ms));
    feed('frame=10\nout_time_us=1500');
    feed('000\nprogress=continue\nout_time_us=N/A\nout_time_us=3000000\n');
    expect(seen).toEqual([1500, 3000]);
  });
});

describe('chapters from question markers', () => {
  const start = (index: number, mediaMs: number, take = 1, text?: string) => ({
    kind: 'question.start',
    data: { index, take, mediaMs, text },
  });
  const end = (index: number, mediaMs: number, take = 1) => ({ kind: 'question.end', data: { index, take, mediaMs } });

  it('one per take, titled with the question, ending at its end marker', () => {
    const chapters = chaptersFromMarkers(
      [start(0, 100, 1, 'Who are you?'), end(0, 4000), start(0, 4000, 2), end(0, 9000, 2), start(1, 9000)],
      12_000,
    );
    expect(chapters).toEqual([
      { startMs: 100, endMs: 4000, title: 'Question 1: Who are you?' },
      { startMs: 4000, endMs: 9000, title: 'Question 1 (take 2)' },
      { startMs: 9000, endMs: 12_000, title: 'Question 2' },
    ]);
  });

  it('never overlaps or passes the end, and drops markers lost after it', () => {
    const chapters = chaptersFromMarkers([start(1, 5000), start(0, 0), end(0, 7000), start(2, 20_000)], 10_000);
    expect(chapters).toEqual([
      { startMs: 0, endMs: 5000, title: 'Question 1' },
      { startMs: 5000, endMs: 10_000, title: 'Question 2' },
    ]);
  });

  it('falls back to elapsedMs for markers from before mediaMs existed, and ignores other events', () => {
    const chapters = chaptersFromMarkers(
      [
        { kind: 'question.start', data: { index: 0, elapsedMs: 1200 } },
        { kind: 'window.blur', data: { elapsedMs: 1500 } },
      ],
      3000,
    );
    expect(chapters).toEqual([{ startMs: 1200, endMs: 3000, title: 'Question 1' }]);
  });
});

describe('verification expectations', () => {
  it('reads the codecs the recorder promised', () => {
    expect(expectationFor('video/webm;codecs=h264,opus')).toEqual({ videoCodec: 'h264', audio: true });
    expect(expectationFor('video/webm;codecs=vp9')).toEqual({ videoCodec: 'vp9', audio: false });
    expect(expectationFor('video/webm')).toEqual({ videoCodec: null, audio: true });
  });
});

describe('run registry (the clean-shutdown marker)', () => {
  const ports = (pid: number, alive: Set<number>, boot = 1_000_000): ProcessPorts => ({
    pid,
    bootTimeMs: () => boot,
    isProcessAlive: (p) => alive.has(p),
    now: () => new Date('2026-11-21T10:00:00Z'),
  });

  it('tells a crashed run from a live one, a cleanly ended one and one from before a reboot', () => {
    const { db } = openCatalog(path.join(tempDir(), 'catalog.sqlite'));
    const alive = new Set([1, 2, 4]);
    const crashed = startRun(db, 'electron', ports(1, alive));
    const live = startRun(db, 'electron', ports(2, alive));
    const clean = startRun(db, 'node', ports(3, alive));
    clean.end();
    const beforeReboot = startRun(db, 'electron', ports(4, alive, 1_000_000 - 3_600_000)); // pid 4 reused since
    alive.delete(1);
    const current = startRun(db, 'node', ports(5, alive));

    expect(current.isRunAlive(live.id)).toBe(true);
    expect(current.isRunAlive(current.id)).toBe(true);
    expect(current.isRunAlive(crashed.id)).toBe(false);
    expect(current.isRunAlive(clean.id)).toBe(false);
    expect(current.isRunAlive(beforeReboot.id)).toBe(false);
    expect(current.isRunAlive(null)).toBe(false);
    expect(
      current
        .collectCrashedRuns()
        .map((r) => r.id)
        .sort(),
    ).toEqual([crashed.id, beforeReboot.id].sort());
    expect(current.collectCrashedRuns()).toEqual([]);
    db.close();
  });
});

describe('finalize queue', () => {
  const detail = (id: string) => ({ id }) as RecordingDetail;

  it('runs one job at a time in order, returns the same job when asked twice, and cancels', async () => {
    const order: string[] = [];
    const progress: string[] = [];
    let active = 0;
    const queue = createFinalizeQueue(
      async (id, { signal }) => {
        active++;
        expect(active).toBe(1);
        order.push(`start ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
        if (signal?.aborted) throw new Error(`cancelled ${id}`);
        return detail(id);
      },
      (p) => progress.push(`${p.recordingId}:${p.stage}`),
    );
    const a = queue.enqueue('a');
    expect(queue.enqueue('a')).toBe(a);
    const b = queue.enqueue('b');
    const c = queue.enqueue('c');
    expect(queue.cancel('b')).toBe(true);
    await expect(a).resolves.toEqual(detail('a'));
    await expect(b).rejects.toThrow('cancelled b');
    await expect(c).resolves.toEqual(detail('c'));
    expect(order).toEqual(['start a', 'start b', 'start c']);
    expect(progress).toEqual(['a:queued', 'b:queued', 'c:queued']);
    expect(queue.progress('c')).toEqual({ recordingId: 'c', stage: 'queued', fraction: 0 });
    expect(queue.cancel('a')).toBe(false);
  });
});
