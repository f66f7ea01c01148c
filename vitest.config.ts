import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Processes a test file started (apps, recorders) end with it, whether or not its own cleanup ran.
    setupFiles: ['test/support/end-processes.ts'],
    pool: 'forks',
    // The AWS SDK's notice that it will want Node 22 from 2027 is explained in docs/development.md, not repeated per test file.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
