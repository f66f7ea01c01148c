import { execFile, spawnSync } from 'node:child_process';
import { builtFile } from './built';

export interface IrecRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

const toRun = (status: number | null, stdout: string, stderr: string): IrecRun => ({
  status,
  stdout,
  stderr,
  json: <T>() => JSON.parse(stdout) as T,
});

/** Runs the built `irec` exactly as a user would, with the given environment. */
export function runIrec(args: string[], env: NodeJS.ProcessEnv): IrecRun {
  const result = spawnSync(process.execPath, [builtFile('cli/irec.cjs'), ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return toRun(result.status, result.stdout, result.stderr);
}

/** `runIrec` without blocking, for tests that run several at once. */
export function runIrecAsync(args: string[], env: NodeJS.ProcessEnv): Promise<IrecRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [builtFile('cli/irec.cjs'), ...args], { env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      resolve(toRun(error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr)),
    );
  });
}
