import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';

/** Reads exactly `size` bytes at `offset`; a shorter read means the file shrank under us. */
export async function readRange(file: string, offset: number, size: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, offset + read);
      if (bytesRead === 0) throw new Error(`${file} ended at ${offset + read} bytes, before the part's end at ${offset + size}.`);
      read += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Content-MD5 as S3 wants it (base64). */
export const md5Base64 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('base64');

const md5Hex = (base64: string) => Buffer.from(base64, 'base64').toString('hex');

/** S3's ETag of an unencrypted or SSE-S3 part is the hex MD5 of its bytes. */
export const etagMatchesMd5 = (etag: string, md5: string): boolean => etag.replace(/"/g, '').toLowerCase() === md5Hex(md5);

/** S3's ETag of a completed multipart object: MD5 of the parts' binary MD5s, a dash and the part count. */
export function multipartEtag(partMd5s: readonly string[]): string {
  const hash = createHash('md5');
  for (const md5 of partMd5s) hash.update(Buffer.from(md5, 'base64'));
  return `${hash.digest('hex')}-${partMd5s.length}`;
}

/**
 * The MD5 of a whole object from its parts as they are read for sending, which is mostly in order: parts that
 * arrive early wait (at most `maxWaiting`; 0 means do not try); past that it gives up and the caller reads the
 * file instead.
 */
export function createOrderedMd5(maxWaiting: number) {
  const hash = createHash('md5');
  const waiting = new Map<number, Buffer>();
  let upTo = 0;
  let broken = maxWaiting <= 0;
  let digest = '';
  return {
    add(offset: number, bytes: Buffer): void {
      if (broken || bytes.length === 0 || offset < upTo) return;
      waiting.set(offset, bytes);
      for (let next = waiting.get(upTo); next; next = waiting.get(upTo)) {
        waiting.delete(upTo);
        hash.update(next);
        upTo += next.length;
      }
      if (waiting.size > maxWaiting) {
        broken = true;
        waiting.clear();
      }
    },
    /** The hex digest when exactly `size` bytes were added in order, else null. */
    digestOf(size: number): string | null {
      if (broken || upTo !== size) return null;
      digest ||= hash.digest('hex');
      return digest;
    },
  };
}
