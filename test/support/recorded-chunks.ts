// Generated recordings cut into one-second chunks the way MediaRecorder emits them: the first chunk carries the
// container header with the first second of media, every later chunk one more second of whole frames (WebM
// clusters, fragmented-MP4 moof+mdat pairs). Generated with the real ffmpeg writing to a pipe, so the container
// is the live kind MediaRecorder produces: no duration, no index.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { locateFfmpegTool } from '../../src/core/services/media/locate-ffmpeg';

const execFileAsync = promisify(execFile);

export type RecordedFormat = 'vp8-webm' | 'h264-webm' | 'h264-mp4';

export interface RecordedChunks {
  format: RecordedFormat;
  /** What MediaRecorder would have reported for this stream. */
  mimeType: string;
  seconds: number;
  chunks: Buffer[];
}

const ENCODE: Record<RecordedFormat, { mimeType: string; args: string[] }> = {
  'vp8-webm': {
    mimeType: 'video/webm;codecs=vp8,opus',
    args: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-f', 'webm', '-live', '1', '-cluster_time_limit', '1000'],
  },
  // Chromium writes H.264 into WebM; ffmpeg's webm muxer refuses H.264, its Matroska muxer writes the same layout.
  'h264-webm': {
    mimeType: 'video/webm;codecs=avc1,opus',
    args: ['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'matroska', '-live', '1', '-cluster_time_limit', '1000'],
  },
  'h264-mp4': {
    mimeType: 'video/mp4;codecs=avc1,opus',
    args: [
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-f',
      'mp4',
      '-movflags',
      'frag_keyframe+empty_moov+default_base_moof',
      '-frag_duration',
      '1000000',
    ],
  },
};

/** A test picture and a 440 Hz tone, 1280×720 at 30 fps, keyframe every second, 2.5 Mbps + 128 kbps Opus. */
export async function recordChunks(format: RecordedFormat, seconds: number): Promise<RecordedChunks> {
  const ffmpeg = locateFfmpegTool('ffmpeg');
  if (!ffmpeg.path) throw new Error(ffmpeg.error);
  const { stdout } = await execFileAsync(
    ffmpeg.path,
    [
      ...[
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=1280x720:rate=30',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:sample_rate=48000',
      ],
      ...['-t', String(seconds), '-g', '30', '-b:v', '2500k', '-c:a', 'libopus', '-b:a', '128k'],
      ...ENCODE[format].args,
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: 1 << 30 },
  );
  const chunks = format === 'h264-mp4' ? cutMp4(stdout) : cutMatroska(stdout);
  return { format, mimeType: ENCODE[format].mimeType, seconds, chunks };
}

/** Top-level boxes; a chunk ends before each moof after the first, like Chromium's MP4 muxer at keyframes. */
function cutMp4(file: Buffer): Buffer[] {
  const starts: number[] = [];
  for (let offset = 0, moofs = 0; offset < file.length;) {
    const size32 = file.readUInt32BE(offset);
    const size = size32 === 1 ? Number(file.readBigUInt64BE(offset + 8)) : size32 === 0 ? file.length - offset : size32;
    if (file.toString('latin1', offset + 4, offset + 8) === 'moof' && moofs++ > 0) starts.push(offset);
    offset += size;
  }
  return cutAt(file, starts);
}

const CLUSTER = 0x1f43b675;
const SEGMENT = 0x18538067;
const TIMECODE = 0xe7;

function readVint(buf: Buffer, offset: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } {
  const first = buf[offset]!;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[offset + i]!;
    if (buf[offset + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** Walks the Segment's children; a chunk ends before the first Cluster whose timecode reaches the next second. */
function cutMatroska(file: Buffer): Buffer[] {
  const starts: number[] = [];
  let nextSecond = 1000;
  let offset = 0;
  while (offset < file.length) {
    const id = readVint(file, offset, true);
    const size = readVint(file, offset + id.length, false);
    const body = offset + id.length + size.length;
    if (id.value === SEGMENT) {
      offset = body; // descend: the live Segment has unknown size
      continue;
    }
    if (id.value === CLUSTER) {
      if (size.unknown) throw new Error('clusters of unknown size are not expected from ffmpeg');
      const timecode = clusterTimecode(file, body);
      if (timecode >= nextSecond) {
        starts.push(offset);
        while (nextSecond <= timecode) nextSecond += 1000;
      }
    }
    offset = body + size.value;
  }
  return cutAt(file, starts);
}

/** The Timecode child of a cluster (Matroska puts a CRC-32 element before it). */
function clusterTimecode(file: Buffer, body: number): number {
  for (let offset = body, i = 0; i < 4; i++) {
    const id = readVint(file, offset, true);
    const size = readVint(file, offset + id.length, false);
    const start = offset + id.length + size.length;
    if (id.value === TIMECODE) return file.readUIntBE(start, size.value);
    offset = start + size.value;
  }
  throw new Error('cluster without a timecode');
}

function cutAt(file: Buffer, starts: readonly number[]): Buffer[] {
  const bounds = [0, ...starts, file.length];
  return bounds.slice(0, -1).map((start, i) => file.subarray(start, bounds[i + 1]));
}
