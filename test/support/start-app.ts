import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from './built';
import { spawnGroup, type ProcessGroup } from './process-group';

export interface StartedApp {
  url: string;
  output: () => string;
  /** The process started (start.mjs or the host): the leader of the app's process group. */
  process: ChildProcess;
  group: ProcessGroup;
  /** Ends the app as Ctrl+C would, then whatever of its group is left (s3rver, the host, an ffmpeg). */
  stop(): Promise<void>;
  /** SIGKILL to the whole app at once (a crash or power cut of everything it started). */
  kill(): Promise<void>;
}

const URL_TIMEOUT_MS = 60_000;
let nativeReady: Promise<void> | undefined;

/**
 * better-sqlite3 compiles from source once (minutes) when `npm ci` skipped it: do that before any timer runs, so
 * the URL wait below never races a compile. Its progress goes to stderr, where a waiting person can see it.
 */
export function ensureNativeModule(): Promise<void> {
  nativeReady ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/native/ensure.mjs'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (data: Buffer) => {
      output += data.toString();
      process.stderr.write(data);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tools/native/ensure.mjs failed (exit ${code}):\n${output}`))));
  });
  return nativeReady;
}

/**
 * Runs `npm start`'s script as a user would (minus npm) in its own process group and waits for the URL it
 * prints; the caller stops it (and the group ends with this process at the latest).
 * `entry: 'dist/host/main.cjs'` starts the built browser host itself (one process, for tests that kill it).
 */
export async function startApp(
  env: NodeJS.ProcessEnv,
  args: string[] = ['--no-open', '--port', '0'],
  entry = 'tools/start.mjs',
): Promise<StartedApp> {
  await ensureNativeModule();
  const group = spawnGroup(process.execPath, [entry, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const child = group.child;
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      void group.stop().finally(() => reject(error));
    };
    const timer = setTimeout(
      () => fail(new Error(`npm start printed no URL within ${URL_TIMEOUT_MS / 1000} s:\n${output}`)),
      URL_TIMEOUT_MS,
    );
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output: () => output, process: child, group, stop: () => group.stop(), kill: () => group.kill() });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // Before the URL this is a failure; after it (a kill, a crash) whatever the app started must not live on.
    child.once('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}
