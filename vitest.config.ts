import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Processes a test file started (apps, recorders) end with it, whether or not its own cleanup ran.
    setupFiles: ['test/support/end-processes.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'] } },
      // Each end-to-end file drives two or three Chromium processes, an app and encoders, and some measure the
      // recording's frame rate: they run one file at a time, after the rest, so that they measure the app, not each
      // other competing for the same cores.
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
