import { spawnSync } from 'node:child_process';
import { builtFile } from './built';

export interface IrecRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/** Runs the built `irec` exactly as a user would, with the given environment. */
export function runIrec(args: string[], env: NodeJS.ProcessEnv): IrecRun {
  const result = spawnSync(process.execPath, [builtFile('cli/irec.cjs'), ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    json: <T>() => JSON.parse(result.stdout) as T,
  };
}
