// Inspects real recordings with the real ffmpeg/ffprobe. MediaRecorder output often has no duration header, so
// every time here comes from packets or decoded samples, never from the container's duration field.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { locateFfmpegTool, type FfmpegTool } from '../../src/core/services/media/locate-ffmpeg';

const execFileAsync = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

export interface VideoProbe {
  width: number;
  height: number;
  codec: string;
  /** Presentation time (s) of every video frame, ascending. */
  frameTimes: number[];
  durationSec: number;
  frameCount: number;
}

export interface RgbFrame {
  width: number;
  height: number;
  /** rgb24, row-major, no padding. */
  data: Buffer;
}

export type Region = { x: number; y: number; width: number; height: number };

const toolPaths = new Map<FfmpegTool, string>();

function toolPath(tool: FfmpegTool): string {
  const cached = toolPaths.get(tool);
  if (cached) return cached;
  const report = locateFfmpegTool(tool);
  if (!report.found || !report.path) throw new Error(report.error ?? `${tool} not found`);
  toolPaths.set(tool, report.path);
  return report.path;
}

/** Runs ffmpeg/ffprobe without a shell and returns stdout; failures carry the tool's stderr. */
export async function runMediaTool(tool: FfmpegTool, args: string[]): Promise<Buffer> {
  try {
    const { stdout } = await execFileAsync(toolPath(tool), args, { encoding: 'buffer', maxBuffer: MAX_BUFFER });
    return stdout;
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer | string }).stderr ?? '').trim();
    throw new Error(`${tool} ${args.join(' ')} failed: ${stderr || (err as Error).message}`, { cause: err });
  }
}

async function probeJson<T>(file: string, entries: string): Promise<T> {
  const out = await runMediaTool('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', entries, '-of', 'json', file]);
  return JSON.parse(out.toString('utf8')) as T;
}

/** The container's duration as ffprobe reports it (every stream, not only the video): what the app's verification records. */
export async function probeFileDurationSec(file: string): Promise<number> {
  const out = await runMediaTool('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'json', file]);
  const duration = seconds((JSON.parse(out.toString('utf8')) as { format?: { duration?: string } }).format?.duration);
  if (duration === undefined) throw new Error(`${file} has no duration`);
  return duration;
}

/** ffprobe prints 'N/A' (or omits the key) when it does not know a value. */
function seconds(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type PacketJson = { packets?: { pts_time?: string; duration_time?: string; flags?: string }[] };
type StreamJson = { streams?: { codec_name?: string; width?: number; height?: number }[] };

export async function probeVideo(file: string): Promise<VideoProbe> {
  const [{ streams }, { packets = [] }] = await Promise.all([
    probeJson<StreamJson>(file, 'stream=codec_name,width,height'),
    probeJson<PacketJson>(file, 'packet=pts_time,duration_time,flags'),
  ]);
  const stream = streams?.[0];
  if (!stream?.codec_name || !stream.width || !stream.height) throw new Error(`${file} has no video stream`);
  // Packets flagged D (discard) are decoded but never shown, e.g. priming frames before an MP4 edit list.
  const shown = packets.filter((p) => !p.flags?.includes('D'));
  const timed = shown.flatMap((p) => {
    const t = seconds(p.pts_time);
    return t === undefined ? [] : [{ t, duration: seconds(p.duration_time) }];
  });
  timed.sort((a, b) => a.t - b.t);
  const frameTimes = timed.map((p) => p.t);
  return {
    width: stream.width,
    height: stream.height,
    codec: stream.codec_name,
    frameTimes,
    durationSec: spanOf(timed),
    frameCount: frameTimes.length,
  };
}

/** First frame's start to last frame's end; WebM often leaves the last block without a duration. */
function spanOf(timed: { t: number; duration: number | undefined }[]): number {
  const first = timed[0];
  const last = timed[timed.length - 1];
  if (!first || !last) return 0;
  const intervals = timed.slice(1).map((p, i) => p.t - (timed[i]?.t ?? p.t));
  const lastDuration = last.duration && last.duration > 0 ? last.duration : median(intervals);
  return last.t + lastDuration - first.t;
}

export function framesBetween(frameTimes: number[], startSec: number, endSec: number): number {
  return frameTimes.filter((t) => t >= startSec && t < endSec).length;
}

/** Decodes the first frame at or after `atSec`. PPM carries its own size, which stays right if the stream changed resolution. */
export async function readFrameRgb(file: string, atSec: number): Promise<RgbFrame> {
  // -seek_timestamp: seek to the absolute pts (as in frameTimes), not relative to the file's start, which Opus makes negative.
  const output = '-frames:v 1 -f image2pipe -c:v ppm -pix_fmt rgb24 -'.split(' ');
  const ppm = await runMediaTool('ffmpeg', ['-v', 'error', '-seek_timestamp', '1', '-ss', String(atSec), '-i', file, ...output]);
  if (ppm.length === 0) throw new Error(`${file} has no video frame at or after ${atSec}s`);
  return parsePpm(ppm);
}

function parsePpm(ppm: Buffer): RgbFrame {
  // Header: "P6" width height maxval, whitespace-separated, then exactly one whitespace byte before the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header?.[0] || header[3] !== '255') throw new Error('ffmpeg did not return an 8-bit PPM frame');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = ppm.subarray(header[0].length, header[0].length + width * height * 3);
  if (data.length !== width * height * 3) throw new Error(`PPM frame truncated: ${data.length} bytes for ${width}x${height}`);
  return { width, height, data };
}

/** Pixels of `region` (clipped to the frame) for which `predicate` holds. */
export function countPixels(frame: RgbFrame, region: Region, predicate: (r: number, g: number, b: number) => boolean): number {
  const x0 = Math.max(0, region.x);
  const y0 = Math.max(0, region.y);
  const x1 = Math.min(frame.width, region.x + region.width);
  const y1 = Math.min(frame.height, region.y + region.height);
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * frame.width + x) * 3;
      if (predicate(frame.data[i] ?? 0, frame.data[i + 1] ?? 0, frame.data[i + 2] ?? 0)) count++;
    }
  }
  return count;
}

/** A saturated recording red (#dc2626, #ff0000) as it survives lossy 4:2:0 compression; orange and pink fail. */
export function isRecRed(r: number, g: number, b: number): boolean {
  return r >= 150 && g <= 90 && b <= 90 && r - g >= 90;
}

/** Mono samples on the file's timeline, like frameTimes: sample 0 is pts 0, and a late start or a gap (> 0.1 s) becomes silence. */
export async function readAudioMono(file: string, sampleRate = 16000): Promise<Float32Array> {
  const output = ['-ac', '1', '-ar', String(sampleRate), '-f', 'f32le', '-'];
  const pcm = await runMediaTool('ffmpeg', ['-v', 'error', '-i', file, '-vn', '-af', 'aresample=async=1:first_pts=0', ...output]);
  // Copy: the Buffer may sit at an offset in a shared pool that is not 4-byte aligned.
  const bytes = pcm.length - (pcm.length % 4);
  return new Float32Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + bytes));
}

/**
 * Share of the window's energy at `frequency` (Goertzel over a Hann window): ~1 for a pure tone at that frequency,
 * ~0 for other frequencies, comparable across frequencies and loudness. 0 for an empty or silent window.
 */
export function toneLevel(samples: Float32Array, sampleRate: number, frequency: number, startSec: number, endSec: number): number {
  const start = Math.max(0, Math.round(startSec * sampleRate));
  const window = samples.subarray(start, Math.max(start, Math.min(samples.length, Math.round(endSec * sampleRate))));
  const n = window.length;
  if (n < 2) return 0;
  const coeff = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  let weightSum = 0;
  let energy = 0;
  for (let i = 0; i < n; i++) {
    const x = window[i] ?? 0;
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    const s = x * w + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
    weightSum += w;
    energy += x * x;
  }
  if (energy === 0 || weightSum === 0) return 0;
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  // A tone of amplitude A gives power A²(Σw)²/4 and energy A²n/2; this ratio makes that exactly 1.
  return (2 * n * power) / (weightSum * weightSum * energy);
}

export function hasTone(
  samples: Float32Array,
  sampleRate: number,
  frequency: number,
  startSec: number,
  endSec: number,
  threshold = 0.05,
): boolean {
  return toneLevel(samples, sampleRate, frequency, startSec, endSec) >= threshold;
}

/** Decodes only what follows a seek to one second before the end: video frames there prove the tail is intact. */
export async function framesInLastSecond(file: string, durationSec: number): Promise<number> {
  const out = await runMediaTool('ffmpeg', [
    '-v',
    'error',
    '-ss',
    String(durationSec - 1),
    '-i',
    file,
    '-map',
    '0:v',
    '-f',
    'framemd5',
    '-',
  ]);
  return out
    .toString()
    .split('\n')
    .filter((line) => /^\d/.test(line)).length;
}
