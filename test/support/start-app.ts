import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from './built';

export interface StartedApp {
  url: string;
  output: () => string;
  process: ChildProcess;
}

/**
 * Runs `npm start`'s script as a user would (minus npm) and waits for the URL it prints; the caller stops it.
 * `entry: 'dist/host/main.cjs'` starts the built browser host itself (one process, for tests that kill it).
 */
export function startApp(
  env: NodeJS.ProcessEnv,
  args: string[] = ['--no-open', '--port', '0'],
  entry = 'tools/start.mjs',
): Promise<StartedApp> {
  const child = spawn(process.execPath, [entry, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Never outlive the test or benchmark process that started it.
  process.once('exit', () => child.exitCode === null && child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 60 s:\n${output}`)), 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output: () => output, process: child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}
