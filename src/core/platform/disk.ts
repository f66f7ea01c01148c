import fs from 'node:fs';

/** Bytes available to this user on the volume holding `dir`, or null where the OS will not say. */
export function freeBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/** Creates `dir` if needed and tells whether this process may write there. */
export function ensureWritableDir(dir: string): { writable: boolean; error?: string } {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return { writable: true };
  } catch (error) {
    return { writable: false, error: (error as Error).message };
  }
}
