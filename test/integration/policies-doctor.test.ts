import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { DoctorReport } from '../../src/shared/domain/doctor';
import { testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

/** `irec doctor …` in this process, as the installed CLI runs it, on real settings and policy files in `root`. */
async function doctor(root: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  try {
    await runCli(['doctor', ...args], (options) => ({
      runtime: 'node',
      version: '0.0.0-test',
      paths: testPaths(root),
      env: { PATH: process.env.PATH, ...env },
      ...options,
    }));
  } finally {
    spy.mockRestore();
  }
  return stdout;
}

const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, JSON.stringify(value));

describe('irec doctor and IT policies', () => {
  it('a mandatory policy beats the user’s setting, an IREC_* variable and a --set flag, and doctor names its file', async () => {
    const root = tempDir('irec-policy-doctor-');
    const { policyFile, userConfigFile } = testPaths(root);
    writeJson(policyFile, { s3: { bucket: 'it-bucket' } });
    writeJson(userConfigFile, { s3: { bucket: 'user-bucket', region: 'eu-west-3' } });
    const report = JSON.parse(
      await doctor(root, ['--json', '--set', 's3.bucket=flag-bucket'], { IREC_S3_BUCKET: 'env-bucket' }),
    ) as DoctorReport;
    expect(report.uploads.bucket).toBe('it-bucket');
    expect(report.policies).toEqual([{ name: 'S3Bucket', key: 's3.bucket', value: 'it-bucket', level: 'mandatory', source: policyFile }]);
    expect(report.config.origins['s3.bucket']).toEqual({ layer: 'policy', source: policyFile });
    expect(report.config.origins['s3.region']).toEqual({ layer: 'user', source: userConfigFile });
    expect(report.config.sources.at(-1)).toEqual({ layer: 'policy', source: policyFile, status: 'applied' });
    expect(report.config.problems).toEqual([]);
  });

  it('a recommended policy loses to the user, and is in force where the user set nothing', async () => {
    const root = tempDir('irec-policy-doctor-');
    const { recommendedPolicyFile, userConfigFile } = testPaths(root);
    writeJson(recommendedPolicyFile, { logLevel: 'debug', s3: { region: 'eu-central-1' } });
    writeJson(userConfigFile, { logLevel: 'warn' });
    const report = JSON.parse(await doctor(root, ['--json'])) as DoctorReport;
    expect(report.policies).toEqual([
      { name: 'S3Region', key: 's3.region', value: 'eu-central-1', level: 'recommended', source: recommendedPolicyFile },
    ]);
    expect(report.config.origins.logLevel).toEqual({ layer: 'user', source: userConfigFile });
    expect(report.uploads.region).toBe('eu-central-1');
  });

  it('reports an invalid policy value, naming the file, and leaves it out of the policies in force', async () => {
    const root = tempDir('irec-policy-doctor-');
    const { policyFile } = testPaths(root);
    writeJson(policyFile, { s3: { endpoint: 'ftp://old-server', bucket: 'it-bucket' } });
    const report = JSON.parse(await doctor(root, ['--json'])) as DoctorReport;
    expect(report.ok).toBe(false);
    expect(report.problems).toContain(`Configuration ${policyFile}: "s3.endpoint" expected an http(s) URL; that setting was ignored.`);
    expect(report.policies.map((p) => p.name)).toEqual(['S3Bucket']);
    expect(report.uploads.endpoint).toBeUndefined();
  });

  it('lists the policies in force for people, with level and source', async () => {
    const root = tempDir('irec-policy-doctor-');
    const { policyFile, recommendedPolicyFile } = testPaths(root);
    writeJson(policyFile, { calls: { allowedProviders: ['livekit'] }, update: { mode: 'none' } });
    writeJson(recommendedPolicyFile, { s3: { autoUpload: false } });
    const text = await doctor(root, []);
    expect(text).toContain(
      [
        'Policies in force:',
        `  S3AutoUpload (s3.autoUpload) = false — recommended, ${recommendedPolicyFile}`,
        `  AllowedCallProviders (calls.allowedProviders) = ["livekit"] — mandatory, ${policyFile}`,
        `  UpdateMode (update.mode) = "none" — mandatory, ${policyFile}`,
      ].join('\n'),
    );
    expect(await doctor(tempDir('irec-policy-doctor-'), [])).toContain('Policies in force:\n  none\n');
  });
});
