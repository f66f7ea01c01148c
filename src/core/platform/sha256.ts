import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The digest of a file (or of `size` bytes from `offset`), read in 1 MiB pieces (files here can be gigabytes). */
export function digestOfFile(file: string, algorithm: 'sha256' | 'md5', range?: { offset: number; size: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash(algorithm);
    if (range?.size === 0) return resolve(hash.digest('hex'));
    const bounds = range ? { start: range.offset, end: range.offset + range.size - 1 } : {};
    createReadStream(file, { highWaterMark: 1 << 20, ...bounds })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export const sha256OfFile = (file: string): Promise<string> => digestOfFile(file, 'sha256');
