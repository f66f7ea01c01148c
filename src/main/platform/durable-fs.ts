import fs from 'node:fs/promises';
import path from 'node:path';

/** Makes a new or renamed directory entry durable. Windows cannot fsync a directory; NTFS journals the entry itself. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!['EPERM', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Flushes a whole file (data and size) to disk, e.g. before it is renamed into place. */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces a small file atomically and durably: temp file, flush, rename, flush the directory. */
export async function durablyReplaceFile(file: string, contents: string): Promise<void> {
  const temporary = `${file}.partial`;
  await fs.writeFile(temporary, contents);
  await fsyncFile(temporary);
  await fs.rename(temporary, file);
  await fsyncDirectory(path.dirname(file));
}
