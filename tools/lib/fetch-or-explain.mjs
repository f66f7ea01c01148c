// Runs a package's own download step on demand, and when it fails (no network, blocked host) says exactly
// what is missing and which variables supply it instead of printing a stack trace.
import { fail, log, run } from './run.mjs';

const FETCH_TIMEOUT_MS = 20 * 60 * 1000;

export function fetchOrExplain({ what, command, args, cwd, env, howToSupply }) {
  log(`Fetching ${what}…`);
  const status = run(command, args, { cwd, env: { ...process.env, ...env }, timeout: FETCH_TIMEOUT_MS });
  if (status !== 0) fail(`Could not fetch ${what} (exit ${status ?? 'timeout'}).`, howToSupply);
  log(`${what}: done.`);
}
