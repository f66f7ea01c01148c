import type { Reporter, TestModule } from 'vitest/node';
import { describeNode } from '../../tools/lib/node-runtime.mjs';

/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", that any CI log reader understands, and the
 * Node that ran the tests (the one Electron bundles, docs/development.md).
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\nRan on ${describeNode()}.\n`);
  }
}
