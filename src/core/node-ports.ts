import os from 'node:os';
import type { CorePorts } from './create-core';
import { appVersion } from './platform/app-version';
import { resolveAppPaths } from './platform/paths';

/** Ports for the services when they run under plain Node (CLI, browser host, tests). */
export function nodeCorePorts(options: Pick<CorePorts, 'flags' | 'echoLogs'> = {}): CorePorts {
  return {
    runtime: 'node',
    version: appVersion(),
    paths: resolveAppPaths({ platform: process.platform, env: process.env, homeDir: os.homedir() }),
    env: process.env,
    ...options,
  };
}
