// Small helpers shared by the project's scripts: run a command visibly, and fail with a message that says
// what is missing and how to supply it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs a command with inherited output; returns its exit status (null when it could not start). */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: projectRoot, ...options });
  if (result.error) console.error(`[irec] could not run ${command}: ${result.error.message}`);
  return result.status;
}

/** Prints a one-paragraph failure and exits non-zero. */
export function fail(what, howToFix) {
  console.error(`\n[irec] ${what}\n[irec] ${howToFix}\n`);
  process.exit(1);
}

export function log(message) {
  console.log(`[irec] ${message}`);
}

/**
 * Runs the long-lived program (the app, the browser host) as a child, forwards termination signals to it and
 * exits with its code, so stopping this script never leaves the program running on its own.
 */
export function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: projectRoot, env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => fail(`Could not start ${command}: ${error.message}`, 'See docs/troubleshooting.md.'));
}
