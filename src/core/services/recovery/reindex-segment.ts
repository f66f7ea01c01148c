import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readContainerLayout, type ContainerLayout } from './layout/container-layout';

export const SEGMENT_FILE = /^segment-(\d{3,})\.(webm|mp4)$/;

export interface ScannedChunk {
  idx: number;
  byteOffset: number;
  size: number;
  sha256: string;
  mediaEndMs: number | null;
}

export interface ScannedSegment {
  seq: number;
  filePath: string;
  mimeType: ContainerLayout['mimeType'];
  chunks: ScannedChunk[];
  /** The file's last write: when its recording ended (or crashed). */
  modifiedAt: Date;
  /** Media time of the whole chunks. */
  durationMs: number;
}

const HASH_BLOCK = 1 << 20;

/** sha256 of a byte range, read in 1 MiB blocks, the digest the recorder stored for each chunk. */
function sha256OfRange(fd: number, offset: number, size: number): string {
  const hash = createHash('sha256');
  const block = Buffer.allocUnsafe(Math.min(HASH_BLOCK, size));
  for (let done = 0; done < size;) {
    const read = fs.readSync(fd, block, 0, Math.min(block.length, size - done), offset + done);
    if (read === 0) throw new Error(`the file ended at byte ${offset + done} while it was being read`);
    hash.update(block.subarray(0, read));
    done += read;
  }
  return hash.digest('hex');
}

/** Reads a segment file's chunks from its container and hashes each, as the catalog would have recorded them. */
export function scanSegment(filePath: string, seq: number): ScannedSegment {
  const layout = readContainerLayout(filePath);
  const fd = fs.openSync(filePath, 'r');
  try {
    const chunks = layout.chunks.map((range, idx) => ({
      idx,
      byteOffset: range.offset,
      size: range.size,
      sha256: sha256OfRange(fd, range.offset, range.size),
      mediaEndMs: range.mediaEndMs,
    }));
    return {
      seq,
      filePath,
      mimeType: layout.mimeType,
      chunks,
      modifiedAt: fs.fstatSync(fd).mtime,
      durationMs: chunks.at(-1)?.mediaEndMs ?? 0,
    };
  } finally {
    fs.closeSync(fd);
  }
}
