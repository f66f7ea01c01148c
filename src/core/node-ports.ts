import os from 'node:os';
import type { CorePorts } from './create-core';
import { appVersion } from './platform/app-version';
import { resolveAppPaths } from './platform/paths';

/** Ports for the services when they run under plain Node (CLI, browser host, tests). */
export function nodeCorePorts(options: Pick<CorePorts, 'flags' | 'echoLogs'> = {}): CorePorts {
  // The AWS SDK warns on every run under Node 20 that it will want Node 22 from 2027: ours to track, not users' to read.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return {
    runtime: 'node',
    version: appVersion(),
    paths: resolveAppPaths({ platform: process.platform, env: process.env, homeDir: os.homedir() }),
    env: process.env,
    ...options,
  };
}
