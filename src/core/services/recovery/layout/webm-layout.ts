import type { ByteSource } from './byte-source';
import {
  children,
  CLUSTER,
  EBML_HEADER,
  isComplete,
  readElementHeader,
  readUint,
  SEGMENT,
  SEGMENT_CHILDREN,
  type ElementHeader,
} from './ebml';
import { rangesAt, UnrecognizedContainerError, type ContainerLayout } from './layout';

const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const CODEC_ID = 0x86;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;

/** Matroska codec ids → the names MediaRecorder puts in its MIME type. */
const CODECS: Record<string, string> = {
  V_VP8: 'vp8',
  V_VP9: 'vp9',
  V_AV1: 'av01',
  'V_MPEG4/ISO/AVC': 'avc1',
  A_OPUS: 'opus',
  A_VORBIS: 'vorbis',
  A_AAC: 'mp4a',
};

interface ClusterScan {
  start: number;
  /** End of its last whole child: a cluster cut by a crash ends early. */
  end: number;
  /** Block times in ms, or null for a cluster with no whole block. */
  firstMs: number | null;
  lastMs: number | null;
  /** The file ends inside this cluster (or a child is torn): nothing after it is readable. */
  torn: boolean;
}

/** A block's time relative to its cluster: after the track number (a vint), a signed 16-bit value. */
function blockOffset(source: ByteSource, body: number): number | null {
  const head = source.read(body, 11);
  if (head.byteLength === 0) return null;
  const trackLength = Math.clz32(head[0]!) - 23;
  if (trackLength > 8 || head.byteLength < trackLength + 2) return null;
  const raw = (head[trackLength]! << 8) | head[trackLength + 1]!;
  return raw >= 0x8000 ? raw - 0x10000 : raw;
}

function scanCluster(source: ByteSource, cluster: ElementHeader, scaleMs: number): ClusterScan {
  const limit = cluster.size === null ? source.size : Math.min(source.size, cluster.body + cluster.size);
  const scan: ClusterScan = { start: cluster.start, end: cluster.body, firstMs: null, lastMs: null, torn: false };
  let timecode = 0;
  let offset = cluster.body;
  while (offset < limit) {
    const child = readElementHeader(source, offset);
    if (child && cluster.size === null && SEGMENT_CHILDREN.has(child.id)) return scan; // an unknown-size cluster ends here
    if (!child || child.size === null || child.body + child.size > limit) break;
    if (child.id === CLUSTER_TIMECODE) timecode = readUint(source.read(child.body, child.size));
    const blockBody = child.id === SIMPLE_BLOCK ? child.body : child.id === BLOCK_GROUP ? blockInGroup(source, child) : null;
    const relative = blockBody === null ? null : blockOffset(source, blockBody);
    if (relative !== null) {
      const ms = (timecode + relative) * scaleMs;
      scan.firstMs = scan.firstMs === null ? ms : Math.min(scan.firstMs, ms);
      scan.lastMs = scan.lastMs === null ? ms : Math.max(scan.lastMs, ms);
    }
    offset = child.body + child.size;
    scan.end = offset;
  }
  scan.torn = offset < (cluster.size === null ? source.size : cluster.body + cluster.size);
  return scan;
}

function blockInGroup(source: ByteSource, group: ElementHeader): number | null {
  for (const child of children(source, group)) if (child.id === BLOCK) return child.header.body;
  return null;
}

/** Codec names, video first, as MediaRecorder lists them in its MIME type. */
function codecsOf(source: ByteSource, tracks: ElementHeader): string[] {
  const codecs: string[] = [];
  for (const entry of children(source, tracks)) {
    if (entry.id !== TRACK_ENTRY) continue;
    for (const field of children(source, entry.header)) {
      if (field.id !== CODEC_ID) continue;
      const id = new TextDecoder().decode(field.data).replace(/\0+$/, '');
      const name = CODECS[id] ?? (id.startsWith('A_PCM') ? 'pcm' : id.toLowerCase());
      if (id.startsWith('V_')) codecs.unshift(name);
      else codecs.push(name);
    }
  }
  return codecs;
}

/**
 * Chunk boundaries of a WebM/Matroska file as MediaRecorder writes it (a Segment and Clusters of unknown size):
 * every Cluster starts a chunk, so each chunk holds whole frames. Reading stops at the first element the file
 * ends inside; a cluster torn by a crash keeps its whole blocks. Media times come from the cluster and block
 * timecodes.
 */
export function webmLayout(source: ByteSource): ContainerLayout {
  const header = readElementHeader(source, 0);
  if (!header || header.id !== EBML_HEADER || !isComplete(header, source)) throw new UnrecognizedContainerError('no EBML header');
  const segment = readElementHeader(source, header.body + header.size!);
  if (!segment || segment.id !== SEGMENT) throw new UnrecognizedContainerError('no Segment after the EBML header');
  const segmentEnd = segment.size === null ? source.size : Math.min(source.size, segment.body + segment.size);

  let scaleMs = 1;
  let codecs: string[] = [];
  const clusters: ClusterScan[] = [];
  let wholeEnd = 0; // end of the last whole element: Cues or Tags written at stop belong to the last chunk
  for (let offset = segment.body; offset < segmentEnd;) {
    const element = readElementHeader(source, offset);
    if (!element) break;
    if (element.id === CLUSTER) {
      const scan = scanCluster(source, element, scaleMs);
      if (scan.lastMs !== null) clusters.push(scan);
      if (scan.lastMs !== null || !scan.torn) wholeEnd = scan.end;
      if (scan.torn) break;
      offset = element.size === null ? scan.end : element.body + element.size;
      continue;
    }
    if (!isComplete(element, source)) break;
    if (element.id === INFO) {
      for (const field of children(source, element)) if (field.id === TIMECODE_SCALE) scaleMs = readUint(field.data) / 1e6;
    }
    if (element.id === TRACKS) codecs = codecsOf(source, element);
    offset = element.body + element.size!;
    wholeEnd = offset;
  }
  if (codecs.length === 0) throw new UnrecognizedContainerError('no Tracks (the header never reached the disk)');
  if (clusters.length === 0) return { container: 'webm', mimeType: mimeOf(codecs), chunks: [] };
  const base = clusters[0]!.firstMs!;
  // A chunk lasts until the next cluster's first frame; the last one until its own last frame.
  const mediaEnds = clusters.map((c, i) => Math.round((clusters[i + 1]?.firstMs ?? c.lastMs!) - base));
  return {
    container: 'webm',
    mimeType: mimeOf(codecs),
    chunks: rangesAt(
      clusters.slice(1).map((c) => c.start),
      wholeEnd,
      mediaEnds,
    ),
  };
}

const mimeOf = (codecs: readonly string[]) => `video/webm;codecs=${codecs.join(',')}`;
