import fs from 'node:fs';
import type { Config } from '../../shared/config/schema';
import type { AppPaths } from '../../core/platform/paths';
import { loadConfig } from '../../core/services/config/load-config';
import { systemPolicyStore } from '../../core/services/config/policy-sources/policy-layers';

/** agora-electron-sdk ships native builds for Windows and macOS only. */
export const nativeCallsSupported = (platform: NodeJS.Platform): boolean => platform === 'win32' || platform === 'darwin';

/** Whether this app opens the native call window: Agora's native SDK configured on a platform it exists for. */
export const usesNativeCalls = (platform: NodeJS.Platform, config: Pick<Config, 'calls'>): boolean =>
  nativeCallsSupported(platform) && config.calls.agoraSdk === 'native';

const readOrNull = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/**
 * `calls.agoraSdk` before the app is ready, when the global sandbox switch must be decided (index.ts) and the core
 * does not exist yet: IT's policies, the user's settings and the environment (the secrets layer never holds it).
 * Problems are the core's to report once it loads the same files.
 */
export function settingsBeforeReady(
  paths: Pick<AppPaths, 'policyFile' | 'recommendedPolicyFile' | 'userConfigFile'>,
  env: Readonly<Record<string, string | undefined>>,
) {
  const { policyFile, recommendedPolicyFile, userConfigFile } = paths;
  return loadConfig({ policyFile, recommendedPolicyFile, policyStore: systemPolicyStore(env), userConfigFile, env, readFile: readOrNull })
    .config;
}
