// No vitest import here: child processes of the tests (crash-child) use these too.
import path from 'node:path';
import type { AppPaths } from '../../src/core/platform/paths';

/** Every per-OS location inside one temp folder, so a test never touches the real profile. */
export function testPaths(root: string): AppPaths {
  return {
    userDataDir: path.join(root, 'data'),
    userConfigFile: path.join(root, 'settings.json'),
    policyFile: path.join(root, 'policy.json'),
    recommendedPolicyFile: path.join(root, 'recommended.json'),
    logDir: path.join(root, 'logs'),
  };
}

/** The same environment variables a test process gives a child (`irec`, the browser host). */
export function testEnv(root: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const paths = testPaths(root);
  return {
    ...process.env,
    IREC_DATA_DIR: paths.userDataDir,
    IREC_CONFIG: paths.userConfigFile,
    IREC_POLICY_FILE: paths.policyFile,
    IREC_RECOMMENDED_POLICY_FILE: paths.recommendedPolicyFile,
    IREC_LOG_DIR: paths.logDir,
    ...extra,
  };
}
