import fs from 'node:fs';
import os from 'node:os';
import type { RawLayer } from '../layers';
import { readManagedPreferences } from './managed-preferences';
import { policyFileLayer } from './policy-layer';
import { runCommandSync, type RunCommand } from './run-command';
import { readRegistryPolicies, regExecutable } from './windows-registry';

/** IT's layers, each list lowest precedence first. */
export interface PolicyLayers {
  mandatory: RawLayer[];
  recommended: RawLayer[];
}

/** The OS's own policy store and how to reach it: the registry on Windows, managed preferences on macOS. */
export interface OsPolicyStore {
  platform: NodeJS.Platform;
  run: RunCommand;
  env: Readonly<Record<string, string | undefined>>;
  /** Whose per-user managed preferences apply (macOS). */
  userName: string;
  exists: (file: string) => boolean;
}

function currentUserName(env: OsPolicyStore['env']): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? ''; // a container user without a passwd entry
  }
}

/** This computer's store, for the app and the CLI. */
export const systemPolicyStore = (env: OsPolicyStore['env']): OsPolicyStore => ({
  platform: process.platform,
  run: runCommandSync,
  env,
  userName: currentUserName(env),
  exists: (file) => fs.existsSync(file),
});

function osPolicyLayers(store: OsPolicyStore | undefined): PolicyLayers {
  if (store?.platform === 'win32') return readRegistryPolicies(store.run, regExecutable(store.env));
  if (store?.platform === 'darwin') return readManagedPreferences(store.run, store.exists, store.userName);
  return { mandatory: [], recommended: [] };
}

export interface PolicySources {
  policyFile: string;
  /** Absent: no recommended file is read. */
  recommendedPolicyFile?: string;
  readFile: (file: string) => string | null;
  /** Absent: the policy files only (tests, and Linux, whose store is those files). */
  store?: OsPolicyStore;
}

/**
 * IT's policies from the files (every OS; on Linux they are the store, elsewhere they let a test or a script stage
 * a policy) and from the OS's own store, which wins over the files where both set a key.
 */
export function readPolicyLayers(sources: PolicySources): PolicyLayers {
  const native = osPolicyLayers(sources.store);
  return {
    mandatory: [policyFileLayer('policy', sources.policyFile, sources.readFile), ...native.mandatory],
    recommended: [
      ...(sources.recommendedPolicyFile ? [policyFileLayer('recommended', sources.recommendedPolicyFile, sources.readFile)] : []),
      ...native.recommended,
    ],
  };
}
