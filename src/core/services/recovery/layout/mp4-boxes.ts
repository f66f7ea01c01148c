import type { ByteSource } from './byte-source';

export interface Box {
  type: string;
  start: number;
  /** Where the box's payload begins. */
  body: number;
  end: number;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const u32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
export const u64 = (bytes: Uint8Array, at: number) => u32(bytes, at) * 2 ** 32 + u32(bytes, at + 4);
export { u32 };

/** The box header at `offset` (32- or 64-bit size, size 0 meaning "to the end of `limit`"); null when cut off. */
export function readBox(source: ByteSource, offset: number, limit: number): Box | null {
  const head = source.read(offset, 16);
  if (head.byteLength < 8) return null;
  const size32 = u32(head, 0);
  const type = ascii(head.subarray(4, 8));
  if (size32 === 1) {
    if (head.byteLength < 16) return null;
    return { type, start: offset, body: offset + 16, end: offset + u64(head, 8) };
  }
  if (size32 !== 0 && size32 < 8) return null;
  return { type, start: offset, body: offset + 8, end: size32 === 0 ? limit : offset + size32 };
}

/** The whole boxes inside [from, to). */
export function* boxesIn(source: ByteSource, from: number, to: number): Generator<Box> {
  for (let offset = from; offset < to;) {
    const box = readBox(source, offset, to);
    if (!box || box.end > to) return;
    yield box;
    offset = box.end;
  }
}

/** The first box of `type` inside `parent`, or undefined. */
export const child = (source: ByteSource, parent: Box, type: string) =>
  [...boxesIn(source, parent.body, parent.end)].find((b) => b.type === type);

/** Follows a path of box types below `parent` (`['mdia', 'minf', 'stbl', 'stsd']`). */
export function descend(source: ByteSource, parent: Box, types: readonly string[]): Box | undefined {
  let box: Box | undefined = parent;
  for (const type of types) box = box && child(source, box, type);
  return box;
}
