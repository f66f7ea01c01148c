import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors/app-error';

const refused = (relative: string, why: string) =>
  new AppError('INVALID_PAYLOAD', `The script's file ${relative} ${why}; keep the audio as a plain file in the script's folder.`, {
    details: { file: relative },
  });

const isInside = (folder: string, file: string) => {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/**
 * Reads a file an untrusted script names: its real path (symlinks followed) must stay inside the script's real
 * folder, it must be a regular file (not /dev/zero, a FIFO or a folder) and no larger than the cap — all checked
 * before a byte is read. Opened non-blocking and checked again on the handle, so a file swapped meanwhile is
 * refused too.
 */
export async function readScriptFile(baseDir: string, relative: string, maxBytes: number): Promise<Uint8Array> {
  const folder = await fs.realpath(baseDir);
  const real = await fs.realpath(path.resolve(folder, relative));
  if (!isInside(folder, real)) throw refused(relative, "leads outside the script's folder");
  const before = await fs.stat(real);
  if (!before.isFile()) throw refused(relative, 'is not a regular file');
  if (before.size > maxBytes) throw refused(relative, `is larger than ${maxBytes} bytes`);
  const handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== before.ino || opened.dev !== before.dev) throw refused(relative, 'changed while it was opened');
    if (opened.size > maxBytes) throw refused(relative, `is larger than ${maxBytes} bytes`);
    // One byte more than the cap tells a file that grew after the stat.
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) throw refused(relative, 'changed while it was read');
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
