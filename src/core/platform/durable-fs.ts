import { chmodSync, closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './private-fs';

/** Windows cannot fsync a directory (EPERM/EISDIR); NTFS journals the entry itself, so that is not a failure. */
const directoryCannotSync = (error: unknown) => ['EPERM', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Makes a new or renamed directory entry durable. Windows cannot fsync a directory; NTFS journals the entry itself. */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!directoryCannotSync(error)) throw error;
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

/**
 * Replaces a small file atomically and durably: temp file, flush, rename, flush the directory. Synchronous
 * because its callers write a few kilobytes, one of them while the services are being composed. User-only by
 * default (sidecars, manifests, secrets); the mode is set again in case a crashed attempt left the temp file.
 */
export function replaceFileDurablySync(file: string, contents: string, mode = PRIVATE_FILE_MODE): void {
  const temporary = `${file}.partial`;
  writeFileSync(temporary, contents, { mode });
  if (process.platform !== 'win32') chmodSync(temporary, mode);
  const fd = openSync(temporary, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  const dir = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dir);
  } catch (error) {
    if (!directoryCannotSync(error)) throw error;
  } finally {
    closeSync(dir);
  }
}
