import { onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { tempDir } from './temp-dir';
import { testPaths } from './test-paths';

export { testEnv, testPaths } from './test-paths';

/** A real core (real catalog file, real logger) in a temp folder, closed when the test ends. */
export function createTestCore(root = tempDir(), env: Record<string, string> = {}, set: string[] = []): Core {
  // PATH only: ffmpeg is found as on a user's machine, while IREC_* settings of the shell cannot leak in.
  const core = createCore({
    runtime: 'node',
    version: '0.0.0-test',
    paths: testPaths(root),
    env: { PATH: process.env.PATH, ...env },
    flags: { set },
  });
  onTestFinished(() => core.close());
  return core;
}
