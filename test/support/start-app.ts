import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from './built';
import { spawnGroup, type ProcessGroup } from './process-group';

export interface StartedApp {
  /** The address the app printed; without a session it answers 403 (open `launchUrl()` instead). */
  url: string;
  /**
   * A one-time launch link not handed out before: the app prints a fresh one each time one is used, so this waits
   * for it. One per fresh browser context; reloads and other pages of that context keep its session cookie.
   */
  launchUrl(): Promise<string>;
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
const LAUNCH_LINK = /(http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+)\r?\n/g;
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
  const launchLinks = printedLinks(child, () => output);
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
        resolve({
          url: match[1]!,
          launchUrl: launchLinks.next,
          output: () => output,
          process: child,
          group,
          stop: () => group.stop(),
          kill: () => group.kill(),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // Before the URL this is a failure; after it (a kill, a crash) whatever the app started must not live on.
    child.once('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** The launch links the app prints, each handed out once, in order; `next()` waits for one not yet printed. */
function printedLinks(child: ChildProcess, output: () => string) {
  let handedOut = 0;
  return {
    next(): Promise<string> {
      const index = handedOut++;
      return new Promise((resolve, reject) => {
        const finish = (link: string | undefined, error?: string) => {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.off('exit', check);
          if (link) resolve(link);
          else reject(new Error(`${error}:\n${output()}`));
        };
        const check = () => {
          const link = [...output().matchAll(LAUNCH_LINK)][index]?.[1];
          if (link) finish(link);
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(undefined, `The app exited before printing launch link ${index + 1}`);
        };
        const timer = setTimeout(
          () => finish(undefined, `No launch link ${index + 1} within ${URL_TIMEOUT_MS / 1000} s (each follows the use of the one before)`),
          URL_TIMEOUT_MS,
        );
        child.stdout!.on('data', check);
        child.on('exit', check);
        check();
      });
    },
  };
}
