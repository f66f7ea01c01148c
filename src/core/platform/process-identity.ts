import os from 'node:os';

/** When this computer booted (ms since epoch). Tells a pid from this boot from a reused one after a restart. */
export const bootTimeMs = (): number => Math.round(Date.now() - os.uptime() * 1000);

/** Whether a process with this pid exists (signal 0 only checks; EPERM means it exists but is not ours). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
