import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countPixels,
  framesBetween,
  hasTone,
  isRecRed,
  probeVideo,
  readAudioMono,
  readFrameRgb,
  runMediaTool,
  toneLevel,
  type RgbFrame,
} from '../support/media-analysis';
import { tempDir } from '../support/temp-dir';

const SOURCE = ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=3', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3'];
// testsrc2 has a red bar on the left and moving coloured shapes; these spots were checked free of red for all 3 s.
// The red box (a stand-in for a REC dot) shows only for t in [1, 2); the orange and blue boxes must never count as red.
const RED_BOX = { x: 120, y: 300, width: 60, height: 40 };
const ORANGE_BOX = { x: 230, y: 300, width: 60, height: 40 };
const BLUE_BOX = { x: 550, y: 10, width: 60, height: 40 };
const SOURCE_RED_BAR = { x: 20, y: 100, width: 60, height: 40 };
const BOXES = [
  `drawbox=x=120:y=300:w=60:h=40:color=red@1:t=fill:enable='between(t,1,2)'`,
  'drawbox=x=230:y=300:w=60:h=40:color=0xf97316@1:t=fill',
  'drawbox=x=550:y=10:w=60:h=40:color=blue@1:t=fill',
].join(',');
/** The box minus a margin, so chroma bleeding at its edges does not matter. */
const inner = (r: { x: number; y: number; width: number; height: number }) => ({
  x: r.x + 4,
  y: r.y + 4,
  width: r.width - 8,
  height: r.height - 8,
});

async function hasEncoder(name: string): Promise<boolean> {
  const list = await runMediaTool('ffmpeg', ['-hide_banner', '-encoders']);
  return new RegExp(`^\\s*\\S+\\s+${name}\\s`, 'm').test(list.toString('utf8'));
}

/** Written to a pipe like MediaRecorder output, so the WebM has no duration and no cues. */
async function makeWebm(dir: string): Promise<string> {
  // Realtime, like Chrome's encoder, and ~7x faster than libvpx's default.
  const codecs = ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2M', '-c:a', 'libopus'];
  const webm = await runMediaTool('ffmpeg', ['-v', 'error', ...SOURCE, '-vf', BOXES, ...codecs, '-f', 'webm', 'pipe:1']);
  const file = path.join(dir, 'interview.webm');
  fs.writeFileSync(file, webm);
  return file;
}

/** Fragmented like Chrome's MP4 MediaRecorder output. */
async function makeMp4(dir: string): Promise<string> {
  const video = (await hasEncoder('libx264'))
    ? ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p']
    : ['-c:v', 'mpeg4', '-q:v', '2'];
  const audio = (await hasEncoder('libopus')) ? ['-c:a', 'libopus'] : ['-c:a', 'aac'];
  const file = path.join(dir, 'interview.mp4');
  const fragmented = ['-movflags', 'frag_keyframe+empty_moov+default_base_moof'];
  await runMediaTool('ffmpeg', ['-v', 'error', ...SOURCE, '-vf', BOXES, ...video, ...audio, ...fragmented, file]);
  return file;
}

const redIn = (frame: RgbFrame, region: Parameters<typeof countPixels>[1]) => countPixels(frame, region, isRecRed);

describe.each([
  { container: 'WebM', make: makeWebm, codec: 'vp8' },
  { container: 'fragmented MP4', make: makeMp4, codec: /^(h264|mpeg4)$/ },
])('media analysis of a $container recording', ({ container, make, codec }) => {
  it('counts frames and measures duration from packets', async () => {
    const file = await make(tempDir());
    if (container === 'WebM') {
      const format = await runMediaTool('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
      expect(format.toString().trim()).toMatch(/^(N\/A)?$/);
    }
    const video = await probeVideo(file);
    expect(video).toMatchObject({ width: 640, height: 360, codec: expect.stringMatching(codec) });
    expect(Math.abs(video.frameCount - 90)).toBeLessThanOrEqual(2);
    expect(video.frameCount).toBe(video.frameTimes.length);
    expect(Math.abs(video.durationSec - 3)).toBeLessThanOrEqual(0.1);
    expect(video.frameTimes).toEqual([...video.frameTimes].sort((a, b) => a - b));
    expect(Math.abs(framesBetween(video.frameTimes, 1, 2) - 30)).toBeLessThanOrEqual(1);
  });

  it('sees the red box only while it is drawn, and never in orange or blue', async () => {
    const file = await make(tempDir());
    const before = await readFrameRgb(file, 0.5);
    const during = await readFrameRgb(file, 1.5);
    const after = await readFrameRgb(file, 2.5);
    expect(during).toMatchObject({ width: 640, height: 360 });
    expect(during.data.length).toBe(640 * 360 * 3);
    const box = inner(RED_BOX);
    expect(redIn(during, box)).toBeGreaterThan(0.95 * box.width * box.height);
    expect(redIn(during, SOURCE_RED_BAR)).toBeGreaterThan(0.9 * 60 * 40);
    expect(redIn(before, RED_BOX)).toBe(0);
    expect(redIn(after, RED_BOX)).toBe(0);
    for (const frame of [before, during, after]) {
      expect(redIn(frame, ORANGE_BOX)).toBe(0);
      expect(redIn(frame, BLUE_BOX)).toBe(0);
    }
  });

  it('hears the 440 Hz tone and not 1500 Hz', async () => {
    const file = await make(tempDir());
    const samples = await readAudioMono(file);
    expect(samples.length / 16000).toBeCloseTo(3, 1);
    expect(hasTone(samples, 16000, 440, 0.5, 2.5)).toBe(true);
    expect(hasTone(samples, 16000, 1500, 0.5, 2.5)).toBe(false);
  });
});

describe('frame timeline', () => {
  it('reads exactly the frame at or after a time, on the same timeline as frameTimes', async () => {
    // Frame N is grey level 8N; Opus audio makes the file start at a negative time, which must not shift seeking.
    const grey = `color=black:size=64x64:rate=30:duration=1,format=rgb24,geq=r='N*8':g='N*8':b='N*8'`;
    const file = path.join(tempDir(), 'grey.webm');
    const codecs = ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '4M', '-c:a', 'libopus'];
    await runMediaTool('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', grey, '-f', 'lavfi', '-i', 'sine', '-t', '1', ...codecs, file]);
    const { frameTimes } = await probeVideo(file);
    const frameIndexAt = async (t: number) => Math.round(((await readFrameRgb(file, t)).data[0] ?? 0) / 8);
    for (const k of [0, 10, 20]) {
      const t = frameTimes[k] ?? NaN;
      expect(await frameIndexAt(t)).toBe(k);
      expect(await frameIndexAt(t + 0.003)).toBe(k + 1);
    }
    await expect(readFrameRgb(file, 5)).rejects.toThrow(/no video frame at or after 5s/);
  });
});

describe('tone detection over time', () => {
  it('finds each tone only in its own half of the recording', async () => {
    const file = path.join(tempDir(), 'tones.webm');
    const tones = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=1500:duration=2'];
    await runMediaTool('ffmpeg', ['-v', 'error', ...tones, '-filter_complex', 'concat=n=2:v=0:a=1', '-c:a', 'libopus', file]);
    const sr = 48000;
    const samples = await readAudioMono(file, sr);
    expect(samples.length / sr).toBeCloseTo(4, 1);
    expect(toneLevel(samples, sr, 440, 0.2, 1.8)).toBeGreaterThan(0.9);
    expect(toneLevel(samples, sr, 1500, 2.2, 3.8)).toBeGreaterThan(0.9);
    expect(hasTone(samples, sr, 1500, 0.2, 1.8)).toBe(false);
    expect(hasTone(samples, sr, 440, 2.2, 3.8)).toBe(false);
  });

  it('measures synthetic tones exactly and returns 0 for silence or an empty window', () => {
    const sr = 8000;
    const tone = Float32Array.from({ length: sr }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 1000 * i) / sr));
    expect(toneLevel(tone, sr, 1000, 0, 1)).toBeCloseTo(1, 2);
    expect(toneLevel(tone, sr, 1200, 0, 1)).toBeLessThan(0.001);
    expect(toneLevel(new Float32Array(sr), sr, 1000, 0, 1)).toBe(0);
    expect(toneLevel(tone, sr, 1000, 0.5, 0.5)).toBe(0);
    expect(toneLevel(tone, sr, 1000, 2, 3)).toBe(0);
  });
});

describe('pure helpers', () => {
  it('counts frames in half-open windows', () => {
    expect(framesBetween([0, 0.5, 1, 1.5, 2], 0.5, 2)).toBe(3);
    expect(framesBetween([], 0, 10)).toBe(0);
  });

  it('tells recording red from near misses', () => {
    expect([isRecRed(0xdc, 0x26, 0x26), isRecRed(255, 0, 0), isRecRed(200, 70, 60)]).toEqual([true, true, true]);
    expect([isRecRed(0xf9, 0x73, 0x16), isRecRed(236, 72, 153), isRecRed(140, 20, 20), isRecRed(255, 255, 255)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts pixels in a region clipped to the frame', () => {
    const frame: RgbFrame = { width: 4, height: 2, data: Buffer.alloc(4 * 2 * 3) };
    frame.data.set([255, 0, 0], (1 * 4 + 3) * 3); // bottom-right pixel red
    expect(countPixels(frame, { x: 0, y: 0, width: 4, height: 2 }, isRecRed)).toBe(1);
    expect(countPixels(frame, { x: 2, y: 1, width: 10, height: 10 }, isRecRed)).toBe(1);
    expect(countPixels(frame, { x: 0, y: 0, width: 3, height: 2 }, isRecRed)).toBe(0);
    expect(countPixels(frame, { x: -5, y: -5, width: 20, height: 20 }, () => true)).toBe(8);
  });

  it('explains a missing file', async () => {
    await expect(probeVideo('/nowhere/missing.webm')).rejects.toThrow(/ffprobe .*No such file/);
  });
});
