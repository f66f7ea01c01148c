import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './built';
import { spawnGroup } from './process-group';

export interface PackRun {
  code: number | null;
  output: string;
}

// Not a timing assertion: a pack that tries a download on a closed network can wait on it for minutes.
const GIVE_UP_AFTER_MS = 240_000;

/**
 * Runs `tools/package.mjs` with `args`, offline: electron-builder's download caches point at `cacheDir` (empty),
 * so anything it fetched would be left there, and a pack that hangs is ended with its output in the error.
 * `extraEnv` adds to the environment (a signing certificate's password, say).
 */
export async function runPackageScript(args: string[], cacheDir: string, extraEnv: Record<string, string> = {}): Promise<PackRun> {
  const env = {
    ...process.env,
    ...extraEnv,
    ELECTRON_CACHE: cacheDir,
    ELECTRON_BUILDER_CACHE: cacheDir,
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_OVERRIDE_DIST_PATH: '',
  };
  const group = spawnGroup(process.execPath, [path.join(projectRoot, 'tools', 'package.mjs'), ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  group.child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  group.child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'gave-up'>((resolve) => (timer = setTimeout(() => resolve('gave-up'), GIVE_UP_AFTER_MS)));
  const result = await Promise.race([group.exited, gaveUp]);
  clearTimeout(timer);
  if (result === 'gave-up') {
    await group.kill();
    throw new Error(`tools/package.mjs did not finish in ${GIVE_UP_AFTER_MS / 1000} s (a download?); its output:\n${output}`);
  }
  await group.stop();
  return { code: result.code, output };
}

/** What electron-builder left in its download cache: empty when the pack downloaded nothing. */
export const downloadedFiles = (cacheDir: string) => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
