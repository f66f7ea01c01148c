import { execFile, spawnSync } from 'node:child_process';

/** What a finished command said; `error` when it could not be started or did not finish in time. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

/** Runs a program to completion (`reg`, `plutil`); injected so that the readers can be tested on any OS. */
export type RunCommand = (command: string, args: readonly string[]) => CommandResult;
export type RunCommandAsync = (command: string, args: readonly string[]) => Promise<CommandResult>;

/** Settings load synchronously at start; `reg query` and `plutil` answer in tens of milliseconds. */
const TIMEOUT_MS = 10_000;

export const runCommandSync: RunCommand = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: TIMEOUT_MS, windowsHide: true });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error?.message };
};

/** For polling from the main process, which must not stop for a child process. */
export const runCommandAsync: RunCommandAsync = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { encoding: 'utf8', timeout: TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr, error: error && status === null ? error.message : undefined });
    });
  });
