import { describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/core/services/recovery/layout/byte-source';
import { UnrecognizedContainerError } from '../../src/core/services/recovery/layout/layout';
import { mp4Layout } from '../../src/core/services/recovery/layout/mp4-layout';
import { webmLayout } from '../../src/core/services/recovery/layout/webm-layout';

// Containers built byte by byte, so each case shows exactly which structure the parser must cut at.

const bytes = (...parts: Array<Uint8Array | number[]>) => Buffer.concat(parts.map((p) => Buffer.from(p)));
/** Big-endian unsigned integer of any length up to 8 bytes. */
const uint = (value: number, length: number) => {
  const out = Buffer.alloc(length);
  for (let i = length - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 256)) out[i] = rest % 256;
  return out;
};

/** An EBML element with an 8-byte size, or the "unknown size" live streams use. */
function element(id: number, payload: Uint8Array, unknownSize = false): Buffer {
  const idBytes = uint(id, Math.ceil(Math.log2(id + 1) / 8));
  const size = unknownSize ? Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) : bytes([0x01], uint(payload.byteLength, 7));
  return bytes(idBytes, size, payload);
}

const simpleBlock = (track: number, relativeMs: number, frameBytes: number) =>
  element(0xa3, bytes([0x80 | track], uint(relativeMs & 0xffff, 2), [0x80], Buffer.alloc(frameBytes, 7)));

function cluster(timecode: number, blocks: ReadonlyArray<[track: number, relativeMs: number]>, unknownSize = true): Buffer {
  const payload = bytes(element(0xe7, uint(timecode, 2)), ...blocks.map(([track, ms]) => simpleBlock(track, ms, 40)));
  return element(0x1f43b675, payload, unknownSize);
}

const codecEntry = (codec: string) => element(0xae, element(0x86, Buffer.from(codec)));

/** EBML header, an unknown-size Segment with Info (1 ms timecodes) and Tracks, then `clusters` as given. */
function webm(clusters: Buffer[], codecs = ['V_VP8', 'A_OPUS']): { file: Buffer; clusterStarts: number[] } {
  const head = bytes(
    element(0x1a45dfa3, element(0x4282, Buffer.from('webm'))),
    element(0x18538067, new Uint8Array(0), true),
    element(0x1549a966, element(0x2ad7b1, uint(1_000_000, 3))),
    element(0x1654ae6b, bytes(...codecs.map(codecEntry))),
  );
  const clusterStarts: number[] = [];
  let offset = head.length;
  for (const c of clusters) {
    clusterStarts.push(offset);
    offset += c.length;
  }
  return { file: bytes(head, ...clusters), clusterStarts };
}

const threeSeconds = () => [
  cluster(0, [
    [1, 0],
    [2, 0],
    [1, 500],
  ]),
  cluster(1000, [
    [1, 0],
    [2, 20],
    [1, 500],
  ]),
  cluster(2000, [
    [1, 0],
    [1, 967],
  ]),
];

describe('WebM chunk boundaries', () => {
  it('starts a chunk at every unknown-size Cluster, with media times from the timecodes', () => {
    const { file, clusterStarts } = webm(threeSeconds(), ['A_OPUS', 'V_VP8']);
    const layout = webmLayout(bufferSource(file));
    expect(layout.mimeType).toBe('video/webm;codecs=vp8,opus'); // video first, as MediaRecorder names them
    expect(layout.chunks.map((c) => c.offset)).toEqual([0, clusterStarts[1], clusterStarts[2]]);
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(file.length);
    expect(layout.chunks.map((c) => c.mediaEndMs)).toEqual([1000, 2000, 2967]);
  });

  it('reads known-size Clusters (ffmpeg, Matroska) the same way', () => {
    const { file, clusterStarts } = webm([cluster(0, [[1, 0]], false), cluster(1000, [[1, 0]], false)], ['V_MPEG4/ISO/AVC', 'A_OPUS']);
    const layout = webmLayout(bufferSource(file));
    expect(layout.mimeType).toBe('video/webm;codecs=avc1,opus');
    expect(layout.chunks.map((c) => [c.offset, c.offset + c.size])).toEqual([
      [0, clusterStarts[1]],
      [clusterStarts[1], file.length],
    ]);
  });

  it('keeps the whole blocks of a cluster torn by a crash and drops the torn one', () => {
    const { file } = webm(threeSeconds());
    const lastBlock = simpleBlock(1, 967, 40).length;
    const torn = file.subarray(0, file.length - 10); // the last block lost its end
    const layout = webmLayout(bufferSource(torn));
    expect(layout.chunks).toHaveLength(3);
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(file.length - lastBlock);
    expect(layout.chunks.at(-1)!.mediaEndMs).toBe(2000);
  });

  it('keeps whole elements after the last Cluster (Cues written at stop) in the last chunk', () => {
    const { file } = webm(threeSeconds());
    const withCues = bytes(file, element(0x1c53bb6b, element(0xbb, Buffer.alloc(12, 1))));
    const layout = webmLayout(bufferSource(withCues));
    expect(layout.chunks).toHaveLength(3);
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(withCues.length);
  });

  it('stops at a zero-filled tail (a power cut can leave one) as at the end of the file', () => {
    const { file } = webm(threeSeconds());
    const layout = webmLayout(bufferSource(bytes(file, Buffer.alloc(4096))));
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(file.length);
  });

  it('finds no chunk in a file with only its header, and refuses what is not WebM', () => {
    expect(webmLayout(bufferSource(webm([]).file)).chunks).toEqual([]);
    expect(() => webmLayout(bufferSource(Buffer.from('not a video at all')))).toThrow(UnrecognizedContainerError);
    const headerOnly = webm(threeSeconds()).file.subarray(0, 60); // cut inside Info
    expect(() => webmLayout(bufferSource(headerOnly))).toThrow(/header never reached the disk/);
  });
});

/** An MP4 box (32-bit size). */
const box = (type: string, ...payload: Array<Uint8Array | number[]>) => {
  const body = bytes(...payload);
  return bytes(uint(body.length + 8, 4), Buffer.from(type, 'latin1'), body);
};
const fullBox = (type: string, version: number, flags: number, ...payload: Array<Uint8Array | number[]>) =>
  box(type, [version], uint(flags, 3), ...payload);

function trak(id: number, timescale: number, sampleEntry: string): Buffer {
  return box(
    'trak',
    fullBox('tkhd', 0, 3, uint(0, 8), uint(id, 4), Buffer.alloc(72)),
    box(
      'mdia',
      fullBox('mdhd', 0, 0, uint(0, 8), uint(timescale, 4), uint(0, 8)),
      box('minf', box('stbl', fullBox('stsd', 0, 0, uint(1, 4), box(sampleEntry, Buffer.alloc(16))))),
    ),
  );
}

/** A fragment of `samples` samples of `duration` ticks for track 1 (per-sample durations in the trun). */
function fragment(baseTicks: number, samples: number, duration: number): Buffer[] {
  const trun = fullBox('trun', 0, 0x100, uint(samples, 4), ...Array.from({ length: samples }, () => uint(duration, 4)));
  const traf = box('traf', fullBox('tfhd', 0, 0x20000, uint(1, 4)), fullBox('tfdt', 1, 0, uint(0, 4), uint(baseTicks, 4)), trun);
  return [box('moof', fullBox('mfhd', 0, 0, uint(1, 4)), traf), box('mdat', Buffer.alloc(300, 9))];
}

function mp4(fragments: Buffer[][]): { file: Buffer; moofStarts: number[] } {
  const head = bytes(
    box('ftyp', Buffer.from('isom'), uint(0, 4)),
    box('moov', fullBox('mvhd', 0, 0, Buffer.alloc(96)), trak(1, 90_000, 'avc1'), trak(2, 48_000, 'Opus')),
  );
  const moofStarts: number[] = [];
  let offset = head.length;
  for (const [moof, mdat] of fragments) {
    moofStarts.push(offset);
    offset += moof!.length + mdat!.length;
  }
  return { file: bytes(head, ...fragments.flat()), moofStarts };
}

describe('fragmented MP4 chunk boundaries', () => {
  const threeFragments = () => [fragment(0, 30, 3000), fragment(90_000, 30, 3000), fragment(180_000, 15, 3000)];

  it('starts a chunk at every moof after the first, with media times from tfdt and trun', () => {
    const { file, moofStarts } = mp4(threeFragments());
    const layout = mp4Layout(bufferSource(file));
    expect(layout.mimeType).toBe('video/mp4;codecs=avc1,opus');
    expect(layout.chunks.map((c) => c.offset)).toEqual([0, moofStarts[1], moofStarts[2]]);
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(file.length);
    expect(layout.chunks.map((c) => c.mediaEndMs)).toEqual([1000, 2000, 2500]);
  });

  it('keeps the index Chromium writes at stop (mfra) in the last chunk', () => {
    const { file } = mp4(threeFragments());
    const withIndex = bytes(file, box('mfra', fullBox('mfro', 0, 0, uint(16, 4))));
    const layout = mp4Layout(bufferSource(withIndex));
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(withIndex.length);
  });

  it('counts a fragment only once its mdat is whole', () => {
    const { file, moofStarts } = mp4(threeFragments());
    const layout = mp4Layout(bufferSource(file.subarray(0, file.length - 100)));
    expect(layout.chunks).toHaveLength(2);
    expect(layout.chunks.at(-1)!.offset + layout.chunks.at(-1)!.size).toBe(moofStarts[2]);
  });

  it('refuses a file without ftyp or without its moov', () => {
    expect(() => mp4Layout(bufferSource(box('free', Buffer.alloc(8))))).toThrow(UnrecognizedContainerError);
    expect(() => mp4Layout(bufferSource(box('ftyp', Buffer.from('isom'), uint(0, 4))))).toThrow(/moov/);
  });
});
