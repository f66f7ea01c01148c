import path from 'node:path';
import { PACKAGE_NAME, PRODUCT_NAME } from '../../shared/product';

export interface AppPaths {
  /** Per-user folder for settings and, by default, data (Electron's `userData`). */
  userDataDir: string;
  /** The user settings file (`IREC_CONFIG` overrides it). */
  userConfigFile: string;
  /** The system-wide mandatory IT policy file (`IREC_POLICY_FILE` overrides it, e.g. to stage a policy). */
  policyFile: string;
  /** Recommended settings from IT, which the user may change (`IREC_RECOMMENDED_POLICY_FILE` overrides it). */
  recommendedPolicyFile: string;
  /** Per-OS log folder (`IREC_LOG_DIR` overrides it). */
  logDir: string;
}

export interface PathEnvironment {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
}

const join = (platform: NodeJS.Platform, ...parts: string[]) =>
  platform === 'win32' ? path.win32.join(...parts) : path.posix.join(...parts);

/** The same folders Electron's `app.getPath` uses, computed without Electron so the CLI agrees with the app. */
export function resolveAppPaths({ platform, env, homeDir }: PathEnvironment): AppPaths {
  let userDataDir: string;
  let logDir: string;
  let policyDir: string;
  if (platform === 'win32') {
    userDataDir = join(platform, env.APPDATA ?? join(platform, homeDir, 'AppData', 'Roaming'), PRODUCT_NAME);
    logDir = join(platform, userDataDir, 'logs');
    policyDir = join(platform, env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', PRODUCT_NAME);
  } else if (platform === 'darwin') {
    userDataDir = join(platform, homeDir, 'Library', 'Application Support', PRODUCT_NAME);
    logDir = join(platform, homeDir, 'Library', 'Logs', PRODUCT_NAME);
    policyDir = join(platform, '/Library', 'Application Support', PRODUCT_NAME);
  } else {
    userDataDir = join(platform, env.XDG_CONFIG_HOME || join(platform, homeDir, '.config'), PRODUCT_NAME);
    logDir = join(platform, userDataDir, 'logs');
    policyDir = join(platform, '/etc', PACKAGE_NAME);
  }
  return {
    userDataDir,
    userConfigFile: env.IREC_CONFIG || join(platform, userDataDir, 'settings.json'),
    policyFile: env.IREC_POLICY_FILE || join(platform, policyDir, 'policy.json'),
    recommendedPolicyFile: env.IREC_RECOMMENDED_POLICY_FILE || join(platform, policyDir, 'recommended.json'),
    logDir: env.IREC_LOG_DIR || logDir,
  };
}
