import { spawnGroup } from './process-group';

/**
 * Runs `work` while another process keeps one core busy (a candidate's antivirus, other apps, a video call).
 * The busy process is killed however `work` ends, and with this process at the latest.
 */
export async function withCpuHog<T>(work: () => Promise<T>): Promise<T> {
  const hog = spawnGroup(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  try {
    return await work();
  } finally {
    await hog.kill();
  }
}
