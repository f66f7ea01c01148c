import fs from 'node:fs';

/** Random access to a file's bytes; `read` returns fewer bytes than asked at the end of the file. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)) };
}

const WINDOW_BYTES = 1 << 20;

/**
 * A file read through a 1 MiB window: walking a container touches a few bytes per element, thousands of times,
 * and segment files can be gigabytes, so they are never read whole.
 */
export function withFileSource<T>(file: string, use: (source: ByteSource) => T): T {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let windowStart = 0;
    let window = new Uint8Array(0);
    const read = (offset: number, length: number): Uint8Array => {
      const end = Math.min(size, offset + length);
      if (offset >= windowStart && end <= windowStart + window.byteLength) return window.subarray(offset - windowStart, end - windowStart);
      if (end - offset > WINDOW_BYTES) {
        const bytes = new Uint8Array(end - offset);
        fs.readSync(fd, bytes, 0, bytes.byteLength, offset);
        return bytes;
      }
      window = new Uint8Array(Math.min(WINDOW_BYTES, size - offset));
      windowStart = offset;
      const got = fs.readSync(fd, window, 0, window.byteLength, offset);
      window = window.subarray(0, got);
      return window.subarray(0, end - offset);
    };
    return use({ size, read });
  } finally {
    fs.closeSync(fd);
  }
}
