import fs from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory } from '../../platform/durable-fs';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../platform/private-fs';

/** The file operations the chunk writer needs: a port, so tests can inject ENOSPC or EIO at any call. */
export interface SegmentFile {
  /** Writes all of `bytes` at `position` (positional, so a retried chunk overwrites itself). */
  writeAt(bytes: Uint8Array, position: number): Promise<void>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface SegmentFiles {
  /** Creates a new file (never reuses one) and makes its directory entry durable. */
  create(file: string): Promise<SegmentFile>;
}

export const nodeSegmentFiles: SegmentFiles = {
  async create(file) {
    await makePrivateDir(path.dirname(file));
    const handle = await fs.open(file, 'wx', PRIVATE_FILE_MODE);
    await fsyncDirectory(path.dirname(file));
    return {
      async writeAt(bytes, position) {
        let written = 0;
        while (written < bytes.byteLength) {
          const { bytesWritten } = await handle.write(bytes, written, bytes.byteLength - written, position + written);
          written += bytesWritten;
        }
      },
      datasync: () => handle.datasync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
};
