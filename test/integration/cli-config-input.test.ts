import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/shared/domain/doctor';
import { EXIT } from '../../src/cli/exit-codes';
import { runIrec } from '../support/run-irec';
import { testEnv, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

describe('irec refuses config input that could harm the process or leak a secret', () => {
  it.each([['__proto__.polluted=1'], ['constructor.prototype.polluted=1'], ['s3.__proto__.bucket=x']])(
    '--set %s is a usage error naming the key, never a crash',
    (assignment) => {
      const run = runIrec(['doctor', '--set', assignment], testEnv(tempDir()));
      expect(run.status).toBe(EXIT.usage);
      expect(run.stderr).toContain(`--set ${assignment.split('=')[0]}:`);
      expect(run.stderr).toContain('is never a setting');
      expect(run.stderr).toContain('irec --help');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it.each([
    [['recordings', 'list', '--offset', '1e99']],
    [['recordings', 'list', '--offset=-1']],
    [['recordings', 'list', '--offset', 'NaN']],
    [['recordings', 'list', '--limit', '2.5']],
    [['recordings', 'list', '--limit', '99999999999999999999']],
    [['uploads', 'list', '--limit', '0']],
    [['uploads', 'list', '--limit', '1e3']],
  ])('%j is a usage error (exit 2) naming the flag', (args) => {
    const run = runIrec(args, testEnv(tempDir()));
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/--(offset|limit)\b/);
    expect(run.stderr).toContain('irec --help');
    expect(run.stderr).not.toContain('datatype mismatch');
  });

  it('gives line and column of a settings file syntax error, not the secret next to it', () => {
    const root = tempDir();
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    fs.writeFileSync(testPaths(root).userConfigFile, `{\n  "s3": { "credentials": { "secretAccessKey": "${secret}" ] } }\n}\n`);
    const run = runIrec(['doctor'], testEnv(root));
    expect(run.stdout).toContain(`Configuration ${testPaths(root).userConfigFile} is not valid JSON (syntax error at line 2, column`);
    for (const piece of [secret, secret.slice(0, 8), secret.slice(-8)]) expect(run.stdout + run.stderr).not.toContain(piece);
  });

  it('names IREC_S3_BUCKET when it is blank', () => {
    const run = runIrec(['doctor'], { ...testEnv(tempDir()), IREC_S3_BUCKET: ' ' });
    expect(run.stdout).toContain('Configuration IREC_S3_BUCKET: "s3.bucket" must not be blank; that setting was ignored.');
  });

  it('masks a password inside an endpoint or backend URL, in text and in JSON', () => {
    const env = {
      ...testEnv(tempDir()),
      IREC_S3_BUCKET: 'b',
      IREC_S3_ENDPOINT: 'http://minio:s3cr3t-pass@127.0.0.1:9000',
      IREC_LIVEKIT_URL: 'https://bot:lk-pass@livekit.example.com/api',
    };
    const text = runIrec(['doctor'], env);
    expect(text.stdout).toContain('http://minio:***@127.0.0.1:9000');
    expect(text.stdout).toContain('https://bot:***@livekit.example.com/api');
    const json = runIrec(['doctor', '--json'], env);
    const report = json.json<DoctorReport>();
    expect(report.uploads.endpoint).toBe('http://minio:***@127.0.0.1:9000');
    for (const output of [text.stdout + text.stderr, json.stdout + json.stderr]) {
      expect(output).not.toContain('s3cr3t-pass');
      expect(output).not.toContain('lk-pass');
    }
  });
});
