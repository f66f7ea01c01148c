import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/shared/domain/doctor';
import { SUPPORTED_NODE_MAJOR } from '../../src/shared/node-support';
import { builtFile } from '../support/built';
import { runIrec } from '../support/run-irec';
import { testEnv } from '../support/test-paths';
import { tempDir } from '../support/temp-dir';

/** The machine's own Node when it is another major than the project's (Debian's Node 20 on a fresh machine). */
function otherSystemNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    const result = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    if (result.status === 0 && Number(result.stdout.split('.')[0]) !== SUPPORTED_NODE_MAJOR) return candidate;
  }
  return null;
}
const systemNode = otherSystemNode();

describe('irec doctor: which Node runs it', () => {
  it('reports the supported Node, with no warning, when run as npm runs it', () => {
    const report = runIrec(['doctor', '--json'], testEnv(tempDir())).json<DoctorReport>();
    expect(report.app.node).toEqual({ version: process.versions.node, supportedMajor: SUPPORTED_NODE_MAJOR, supported: true });
    expect(report.warnings).toEqual([]);
  });

  it.runIf(systemNode)('warns under another Node, and refuses the catalog with the reason instead of crashing', () => {
    const run = spawnSync(systemNode!, [builtFile('cli/irec.cjs'), 'doctor', '--json'], { env: testEnv(tempDir()), encoding: 'utf8' });
    expect(run.status).toBe(1); // not a crash (a signal) but an unhealthy report
    const report = JSON.parse(run.stdout) as DoctorReport;
    expect(report.app.node.supported).toBe(false);
    expect(report.warnings.join(' ')).toContain(`built and tested on Node ${SUPPORTED_NODE_MAJOR}`);
    if (report.catalog.ok === false) expect(report.problems.join(' ')).toMatch(/needs Node-API 10/);
  });
});
