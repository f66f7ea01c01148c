import fs from 'node:fs';
import path from 'node:path';
import { managedPreferencesFiles } from './managed-preferences';
import type { OsPolicyStore } from './policy-layers';
import { runCommandAsync, type RunCommandAsync } from './run-command';
import { regExecutable, regQueryArgs } from './windows-registry';

export interface PolicyWatchTargets {
  /** Policy files (and macOS managed preferences), watched through their folders. */
  files: string[];
  /** Windows: the registry has no watch `reg.exe` could give, so `reg query` is polled. */
  registry?: { run: RunCommandAsync; regExe: string };
}

/** What to watch for the files and the store that loadConfig reads. */
export function policyWatchTargets(
  paths: { policyFile: string; recommendedPolicyFile: string },
  store: Pick<OsPolicyStore, 'platform' | 'env' | 'userName'>,
): PolicyWatchTargets {
  const files = [paths.policyFile, paths.recommendedPolicyFile];
  if (store.platform === 'darwin') files.push(...Object.values(managedPreferencesFiles(store.userName)));
  const registry = store.platform === 'win32' ? { run: runCommandAsync, regExe: regExecutable(store.env) } : undefined;
  return { files, ...(registry ? { registry } : {}) };
}

export interface WatchOptions {
  /** Editors and MDM agents write a file in several steps: one change is reported after this quiet time. */
  debounceMs?: number;
  /** How often the registry is read, and a missing folder looked for. */
  pollMs?: number;
}

/**
 * Calls `onChange` (once per burst) when a policy file or the registry policy changes. A folder that does not
 * exist yet is polled for the file instead (fs.watchFile sees it appear). Returns the function that stops it all.
 */
export function watchPolicies(targets: PolicyWatchTargets, onChange: () => void, options: WatchOptions = {}): () => void {
  const { debounceMs = 500, pollMs = 60_000 } = options;
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const stops: Array<() => void> = [];

  const byFolder = new Map<string, Set<string>>();
  for (const file of targets.files) {
    const folder = path.dirname(file);
    byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(path.basename(file)));
  }
  for (const [folder, names] of byFolder) {
    try {
      const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
        if (name === null || names.has(String(name))) changed();
      });
      watcher.on('error', () => undefined); // the folder went away: the files are read again at the next start
      stops.push(() => watcher.close());
    } catch {
      for (const name of names) {
        const file = path.join(folder, name);
        const listener = (now: fs.Stats, before: fs.Stats) => now.mtimeMs !== before.mtimeMs && changed();
        fs.watchFile(file, { persistent: false, interval: pollMs }, listener);
        stops.push(() => fs.unwatchFile(file, listener));
      }
    }
  }

  const { registry } = targets;
  if (registry) {
    const read = () =>
      Promise.all(['HKCU', 'HKLM'].map((hive) => registry.run(registry.regExe, regQueryArgs(hive)))).then((results) =>
        JSON.stringify(results.map((r) => [r.status, r.stdout])),
      );
    let last = read();
    const interval = setInterval(() => {
      const next = read();
      void Promise.all([last, next]).then(([before, now]) => before !== now && changed());
      last = next;
    }, pollMs);
    interval.unref();
    stops.push(() => clearInterval(interval));
  }

  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
  };
}
