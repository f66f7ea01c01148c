import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { watchPolicies } from '../../src/core/services/config/policy-sources/watch-policies';
import type { CommandResult } from '../../src/core/services/config/policy-sources/run-command';
import { createTestCore, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

/** Generous: a busy machine may deliver file events late; nothing here measures time. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

function watch(...args: Parameters<typeof watchPolicies>) {
  const stop = watchPolicies(...args);
  onTestFinished(stop);
  return stop;
}

describe('watching IT policies', () => {
  it('reports a policy file written into its folder', async () => {
    const dir = tempDir('irec-policy-watch-');
    const onChange = vi.fn();
    watch({ files: [path.join(dir, 'policy.json'), path.join(dir, 'recommended.json')] }, onChange, { debounceMs: 50 });
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ s3: { bucket: 'new' } }));
    await until(() => expect(onChange).toHaveBeenCalled());
    const calls = onChange.mock.calls.length;
    fs.writeFileSync(path.join(dir, 'recommended.json'), JSON.stringify({ logLevel: 'debug' }));
    await until(() => expect(onChange.mock.calls.length).toBeGreaterThan(calls));
  });

  it('sees the policy folder appear when it did not exist at start', async () => {
    const dir = path.join(tempDir('irec-policy-watch-'), 'interview-recorder');
    const onChange = vi.fn();
    watch({ files: [path.join(dir, 'policy.json')] }, onChange, { debounceMs: 50, pollMs: 100 });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'policy.json'), '{}');
    await until(() => expect(onChange).toHaveBeenCalled());
  });

  it('polls the registry and reports when reg query answers differently', async () => {
    let answer: CommandResult = {
      status: 1,
      stdout: '',
      stderr: 'ERROR: The system was unable to find the specified registry key or value.',
    };
    const run = vi.fn(() => Promise.resolve(answer));
    const onChange = vi.fn();
    watch({ files: [], registry: { run, regExe: 'reg.exe' } }, onChange, { debounceMs: 10, pollMs: 50 });
    await until(() => expect(run.mock.calls.length).toBeGreaterThanOrEqual(6)); // a few polls of both hives, all the same
    expect(onChange).not.toHaveBeenCalled();
    answer = {
      status: 0,
      stdout: '\r\nHKEY_LOCAL_MACHINE\\Software\\Policies\\InterviewRecorder\r\n    S3Bucket    REG_SZ    b\r\n',
      stderr: '',
    };
    await until(() => expect(onChange).toHaveBeenCalled());
    expect(run).toHaveBeenCalledWith('reg.exe', ['query', 'HKLM\\Software\\Policies\\InterviewRecorder', '/s']);
  });

  it('in the app, a changed policy file is logged with the keys and sources it changes (never the values)', async () => {
    const root = tempDir('irec-policy-core-');
    const core = createTestCore(root);
    expect(core.config.config.s3.bucket).toBeUndefined();
    core.watchPolicies();
    const { policyFile, logDir } = testPaths(root);
    fs.writeFileSync(policyFile, JSON.stringify({ s3: { bucket: 'bucket-from-it' }, logLevel: 'shout' }));
    const logFile = path.join(logDir, 'irec.log');
    const entries = () =>
      fs
        .readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { message: string; context?: { changes?: string[] } });
    await until(() =>
      expect(entries().map((e) => e.message)).toContain('Settings changed while the app runs; they apply when it restarts'),
    );
    expect(entries().find((e) => e.context?.changes)?.context?.changes).toEqual([`s3.bucket: ${policyFile}`]);
    expect(entries().map((e) => e.message)).toContainEqual(expect.stringContaining(`Configuration ${policyFile}: "logLevel"`));
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain('bucket-from-it');
    // The running services keep what they started with.
    expect(core.config.config.s3.bucket).toBeUndefined();
  });
});
