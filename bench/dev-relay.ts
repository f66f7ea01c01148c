import { builtFile, projectRoot } from '../test/support/built';
import { spawnGroup } from '../test/support/process-group';

export interface DevRelay {
  /** The development backend's base URL (its call server's signalling is below it). */
  url: string;
  callTokenUrl: string;
  /** What points an app at its backends and call server (its own S3 left out: the app keeps npm start's). */
  env: Record<string, string>;
  /** The process, so its CPU can be read from /proc. */
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * The development backend with its call server, as a process of its own (`dist/dev-backend/main.cjs`, the built
 * bundle: run `node tools/build.mjs` first), so that what the relay costs is its own CPU and nobody else's.
 */
export async function startDevRelay(dataDir: string): Promise<DevRelay> {
  const group = spawnGroup(process.execPath, [builtFile('dev-backend/main.cjs'), '--port', '0', '--data-dir', dataDir], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the dev backend was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const collect = (data: Buffer) => {
        output += data.toString();
        if (output.includes('Ctrl+C stops.')) {
          clearTimeout(timer);
          resolve();
        }
      };
      group.child.stdout!.on('data', collect);
      group.child.stderr!.on('data', collect);
      void group.exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`the dev backend exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    await group.stop();
    throw error;
  }
  // It prints NAME=value lines for the app: its backends and call server, and the S3 it started for its own files.
  const env = Object.fromEntries(
    [...output.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]).filter(([name]) => !/^(IREC_S3_|AWS_)/.test(name!)),
  ) as Record<string, string>;
  const url = /Dev backend at (http:\/\/\S+)/.exec(output)?.[1];
  const callTokenUrl = env.IREC_DEV_CALL_TOKEN_URL;
  if (!url || !callTokenUrl) {
    await group.stop();
    throw new Error(`the dev backend printed no URL or call token URL:\n${output}`);
  }
  return { url, callTokenUrl, env, pid: group.pid, stop: () => group.stop() };
}
