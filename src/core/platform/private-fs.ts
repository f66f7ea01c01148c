import fs from 'node:fs';
import fsp from 'node:fs/promises';

/**
 * Everything the app writes under its data, log and settings folders is the user's alone: recordings, the
 * catalog, logs and secrets. Modes passed to mkdir/open are only narrowed by the umask, so 0700/0600 hold under
 * any umask. Windows ignores them; there the profile folder's default ACLs are already user-only.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const isPosix = process.platform !== 'win32';

/** Creates `dir` (and any missing parents) user-only. Existing folders are left as they are. */
export function makePrivateDirSync(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates `dir` (and any missing parents) user-only. Existing folders are left as they are. */
export async function makePrivateDir(dir: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Narrows an existing folder to user-only, e.g. a data dir created by an older version with 0755. */
export function tightenDirSync(dir: string): void {
  if (isPosix) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty and user-only if it is absent; narrows it to user-only if it exists. */
export function ensurePrivateFileSync(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  if (isPosix) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows a file another process wrote (ffmpeg, espeak-ng) with the umask's mode to user-only. */
export async function makeFilePrivate(file: string): Promise<void> {
  if (isPosix) await fsp.chmod(file, PRIVATE_FILE_MODE);
}
