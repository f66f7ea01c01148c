import type { ByteSource } from './byte-source';
import { boxesIn, child, descend, readBox, u32, u64, type Box } from './mp4-boxes';
import { rangesAt, UnrecognizedContainerError, type ContainerLayout } from './layout';

/** Sample entry types → the names MediaRecorder puts in its MIME type. */
const CODECS: Record<string, string> = { avc1: 'avc1', avc3: 'avc1', vp09: 'vp09', av01: 'av01', Opus: 'opus', mp4a: 'mp4a' };

interface Track {
  timescale: number;
  /** trex default_sample_duration: used when neither tfhd nor trun gives one. */
  defaultDuration: number;
}

function tracksOf(source: ByteSource, moov: Box): { tracks: Map<number, Track>; codecs: string[] } {
  const tracks = new Map<number, Track>();
  const codecs: string[] = [];
  const defaults = new Map<number, number>();
  const mvex = child(source, moov, 'mvex');
  for (const trex of mvex ? boxesIn(source, mvex.body, mvex.end) : []) {
    if (trex.type !== 'trex') continue;
    const bytes = source.read(trex.body, 24);
    defaults.set(u32(bytes, 4), u32(bytes, 12));
  }
  for (const trak of boxesIn(source, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const tkhd = child(source, trak, 'tkhd');
    const mdhd = descend(source, trak, ['mdia', 'mdhd']);
    if (!tkhd || !mdhd) continue;
    const tkhdBytes = source.read(tkhd.body, 24);
    const trackId = u32(tkhdBytes, tkhdBytes[0] === 1 ? 20 : 12);
    const mdhdBytes = source.read(mdhd.body, 24);
    const timescale = u32(mdhdBytes, mdhdBytes[0] === 1 ? 20 : 12);
    tracks.set(trackId, { timescale, defaultDuration: defaults.get(trackId) ?? 0 });
    const stsd = descend(source, trak, ['mdia', 'minf', 'stbl', 'stsd']);
    const entry = stsd && readBox(source, stsd.body + 8, stsd.end);
    if (entry) codecs.push(CODECS[entry.type] ?? entry.type.toLowerCase());
  }
  return { tracks, codecs };
}

/** One track fragment's [start, end) in ms: tfdt's base decode time plus the trun sample durations. */
function fragmentSpan(source: ByteSource, traf: Box, tracks: Map<number, Track>): { startMs: number; endMs: number } | null {
  const tfhd = child(source, traf, 'tfhd');
  const tfdt = child(source, traf, 'tfdt');
  if (!tfhd || !tfdt) return null;
  const tfhdBytes = source.read(tfhd.body, tfhd.end - tfhd.body);
  const flags = u32(tfhdBytes, 0) & 0xffffff;
  const track = tracks.get(u32(tfhdBytes, 4));
  if (!track || track.timescale === 0) return null;
  // tfhd optional fields in order: base offset (8), description index (4), default duration (4)
  const durationAt = 8 + (flags & 0x1 ? 8 : 0) + (flags & 0x2 ? 4 : 0);
  const defaultDuration = flags & 0x8 ? u32(tfhdBytes, durationAt) : track.defaultDuration;
  const tfdtBytes = source.read(tfdt.body, 12);
  const base = tfdtBytes[0] === 1 ? u64(tfdtBytes, 4) : u32(tfdtBytes, 4);
  let ticks = 0;
  for (const trun of boxesIn(source, traf.body, traf.end)) {
    if (trun.type === 'trun') ticks += trunDuration(source.read(trun.body, trun.end - trun.body), defaultDuration);
  }
  return { startMs: (base / track.timescale) * 1000, endMs: ((base + ticks) / track.timescale) * 1000 };
}

function trunDuration(bytes: Uint8Array, defaultDuration: number): number {
  const flags = u32(bytes, 0) & 0xffffff;
  const count = u32(bytes, 4);
  if (!(flags & 0x100)) return count * defaultDuration;
  let at = 8 + (flags & 0x1 ? 4 : 0) + (flags & 0x4 ? 4 : 0);
  const stride = 4 * [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length;
  let total = 0;
  for (let i = 0; i < count && at + 4 <= bytes.byteLength; i++, at += stride) total += u32(bytes, at);
  return total;
}

/**
 * Chunk boundaries of a fragmented MP4 as MediaRecorder writes it (ftyp, an empty moov, then moof+mdat pairs):
 * each moof starts a chunk, and a chunk counts only once its mdat is whole. Media times come from each
 * fragment's tfdt and trun sample durations.
 */
export function mp4Layout(source: ByteSource): ContainerLayout {
  const first = readBox(source, 0, source.size);
  if (!first || (first.type !== 'ftyp' && first.type !== 'styp')) throw new UnrecognizedContainerError('no ftyp box');
  let header: ReturnType<typeof tracksOf> | undefined;
  const fragments: Array<{ start: number; end: number; startMs: number | null; endMs: number | null }> = [];
  let pending: (typeof fragments)[number] | null = null;
  let wholeEnd = 0; // end of the last box not waiting for its mdat: the index (mfra) written at stop counts too
  for (const box of boxesIn(source, 0, source.size)) {
    if (box.type === 'moov') header = tracksOf(source, box);
    if (box.type === 'moof') {
      const spans = header ? trafSpans(source, box, header.tracks) : [];
      pending = {
        start: box.start,
        end: box.end,
        startMs: spans.length ? Math.min(...spans.map((s) => s.startMs)) : null,
        endMs: spans.length ? Math.max(...spans.map((s) => s.endMs)) : null,
      };
    }
    if (box.type === 'mdat' && pending) {
      fragments.push({ ...pending, end: box.end });
      pending = null;
    }
    if (!pending) wholeEnd = box.end;
  }
  if (!header) throw new UnrecognizedContainerError('no moov box (the header never reached the disk)');
  const mimeType = `video/mp4;codecs=${header.codecs.join(',')}`;
  if (fragments.length === 0) return { container: 'mp4', mimeType, chunks: [] };
  const base = fragments[0]!.startMs ?? 0;
  const mediaEnds = fragments.map((f) => (f.endMs === null ? null : Math.round(f.endMs - base)));
  return {
    container: 'mp4',
    mimeType,
    chunks: rangesAt(
      fragments.slice(1).map((f) => f.start),
      wholeEnd,
      mediaEnds,
    ),
  };
}

function trafSpans(source: ByteSource, moof: Box, tracks: Map<number, Track>) {
  return [...boxesIn(source, moof.body, moof.end)]
    .filter((box) => box.type === 'traf')
    .map((traf) => fragmentSpan(source, traf, tracks))
    .filter((span): span is { startMs: number; endMs: number } => span !== null);
}
