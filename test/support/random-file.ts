import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file of random bytes (incompressible, like media) and its sha256. */
export function randomFile(dir: string, size: number, name = `payload-${size}.bin`): { file: string; sha256: string } {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  const hash = createHash('sha256');
  const piece = 4 * 1024 * 1024;
  for (let written = 0; written < size; written += piece) {
    const bytes = randomBytes(Math.min(piece, size - written));
    hash.update(bytes);
    fs.writeSync(fd, bytes);
  }
  fs.closeSync(fd);
  return { file, sha256: hash.digest('hex') };
}
