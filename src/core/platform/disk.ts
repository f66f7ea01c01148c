import fs from 'node:fs';
import { makePrivateDirSync, tightenDirSync } from './private-fs';

/** Bytes available to this user on the volume holding `dir`, or null where the OS will not say. */
export function freeBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/**
 * Creates `dir` user-only if needed, narrows an existing one to user-only (older versions created it 0755), and
 * tells whether this process may write there. A folder this user does not own cannot be narrowed: that is left
 * to the writable check, not an error of its own.
 */
export function ensureWritableDir(dir: string): { writable: boolean; error?: string } {
  try {
    makePrivateDirSync(dir);
    try {
      tightenDirSync(dir);
    } catch {
      // EPERM: owned by someone else (e.g. a shared folder set up by IT); its owner decides its mode
    }
    fs.accessSync(dir, fs.constants.W_OK);
    return { writable: true };
  } catch (error) {
    return { writable: false, error: (error as Error).message };
  }
}
