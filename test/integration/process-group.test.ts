// The test helper that keeps tests from leaking processes: a group ends with its grandchildren, also when the
// leader ignores SIGTERM, and when the process that started it exits or is told to terminate.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { groupAlive, processesMentioning, spawnGroup } from '../support/process-group';

const execFileAsync = promisify(execFile);
const HELPER = path.resolve(import.meta.dirname, '../support/process-group.ts');

/** A leader that ignores SIGTERM and starts a grandchild; both carry `tag` on their command line. */
function stubbornFamily(tag: string) {
  const grandchild = `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${tag}'], { stdio: 'ignore' })`;
  return spawnGroup(process.execPath, ['-e', `process.on('SIGTERM', () => {}); ${grandchild}; setInterval(() => {}, 1000)`, tag], {
    stdio: 'ignore',
  });
}

const familyOf = async (tag: string, size: number) => expect.poll(() => processesMentioning(tag).length).toBe(size);

describe('process groups for tests', () => {
  it('stop() asks, then SIGKILLs the leader and its grandchild once the grace time is over', async () => {
    const tag = `irec-group-stop-${process.pid}`;
    const group = stubbornFamily(tag);
    await familyOf(tag, 2);
    await group.stop(300);
    expect(groupAlive(group.pid)).toBe(false);
    expect(processesMentioning(tag)).toEqual([]);
  });

  it('kill() ends the whole group at once', async () => {
    const tag = `irec-group-kill-${process.pid}`;
    const group = stubbornFamily(tag);
    await familyOf(tag, 2);
    await group.kill();
    expect(group.child.signalCode).toBe('SIGKILL');
    expect(processesMentioning(tag)).toEqual([]);
  });

  it.each(['exit', 'SIGTERM'] as const)('a group ends with the process that started it (%s)', async (how) => {
    const tag = `irec-group-owner-${how}-${process.pid}`;
    // The owner starts a family, prints the leader's pid, then exits (or is terminated by its own SIGTERM).
    const ending = how === 'exit' ? 'process.exit(0)' : "process.kill(process.pid, 'SIGTERM')";
    const script =
      `import { spawnGroup } from ${JSON.stringify(HELPER)};\n` +
      `const g = spawnGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${tag}'], { stdio: 'ignore' });\n` +
      `console.log(g.pid); setTimeout(() => ${ending}, 300);\n`;
    const result = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).catch(
      (error: { stdout: string }) => error,
    );
    const leader = Number(result.stdout.trim());
    expect(leader).toBeGreaterThan(0);
    await expect.poll(() => groupAlive(leader)).toBe(false);
    expect(processesMentioning(tag)).toEqual([]);
  });
});
