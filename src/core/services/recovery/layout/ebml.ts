import type { ByteSource } from './byte-source';

export const EBML_HEADER = 0x1a45dfa3;
export const SEGMENT = 0x18538067;
export const CLUSTER = 0x1f43b675;
/** Children of a Segment: in a Cluster of unknown size, any of these ends the Cluster. */
export const SEGMENT_CHILDREN = new Set([0x114d9b74, 0x1549a966, 0x1654ae6b, CLUSTER, 0x1c53bb6b, 0x1043a770, 0x1254c367, 0x1941a469]);

export interface ElementHeader {
  id: number;
  start: number;
  /** Where the element's data begins. */
  body: number;
  /** Null for the "unknown size" of live streams (all value bits set). */
  size: number | null;
}

/** A variable-length integer: its value (without the length marker for sizes) and length; null when cut off. */
function readVint(source: ByteSource, offset: number, isId: boolean): { value: number; length: number; allOnes: boolean } | null {
  const head = source.read(offset, 8);
  if (head.byteLength === 0 || head[0] === 0) return null;
  const first = head[0]!;
  const length = Math.clz32(first) - 23;
  if (head.byteLength < length) return null;
  const marker = 0x80 >> (length - 1);
  let value = isId ? first : first & (marker - 1);
  let allOnes = (first & (marker - 1)) === marker - 1;
  for (let i = 1; i < length; i++) {
    value = value * 256 + head[i]!;
    if (head[i] !== 0xff) allOnes = false;
  }
  return { value, length, allOnes };
}

/** The element header at `offset`, or null when the file ends inside it. */
export function readElementHeader(source: ByteSource, offset: number): ElementHeader | null {
  const id = readVint(source, offset, true);
  if (!id) return null;
  const size = readVint(source, offset + id.length, false);
  if (!size) return null;
  return { id: id.value, start: offset, body: offset + id.length + size.length, size: size.allOnes ? null : size.value };
}

/** Whether all of a known-size element's data is in the file. */
export const isComplete = (element: ElementHeader, source: ByteSource) =>
  element.size !== null && element.body + element.size <= source.size;

export function readUint(bytes: Uint8Array): number {
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

/** The known-size children of a small, complete element (Info, Tracks), with their data. */
export function* children(source: ByteSource, parent: ElementHeader): Generator<{ id: number; data: Uint8Array; header: ElementHeader }> {
  const end = parent.body + (parent.size ?? 0);
  for (let offset = parent.body; offset < end;) {
    const header = readElementHeader(source, offset);
    if (!header || header.size === null || header.body + header.size > end) return;
    yield { id: header.id, data: source.read(header.body, header.size), header };
    offset = header.body + header.size;
  }
}
