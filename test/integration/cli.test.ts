import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/shared/domain/doctor';
import type { RecordingSummary } from '../../src/shared/domain/recording';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { LATEST_SCHEMA_VERSION } from '../../src/core/services/catalog/migrations';
import { findOnPath } from '../../src/core/platform/executables';
import { EXIT } from '../../src/cli/exit-codes';
import { seedRecording } from '../support/fixtures';
import { runIrec } from '../support/run-irec';
import { testEnv, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const hasFfmpeg = Boolean(findOnPath('ffmpeg') && findOnPath('ffprobe'));

describe('irec doctor', () => {
  it.runIf(hasFfmpeg)('prints valid JSON with every section and exits 0 on a healthy machine', () => {
    const root = tempDir();
    const run = runIrec(['doctor', '--json'], testEnv(root));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = run.json<DoctorReport>();
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.app).toMatchObject({ name: 'Interview Recorder', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.config.sources.map((s) => s.layer)).toEqual(['defaults', 'recommended', 'user', 'environment', 'flags', 'policy']);
    expect(report.policies).toEqual([]);
    expect(report.dataDir).toMatchObject({ path: testPaths(root).userDataDir, writable: true, freeBytes: expect.any(Number) });
    expect(report.catalog).toMatchObject({
      ok: true,
      integrity: 'ok',
      schemaVersion: LATEST_SCHEMA_VERSION,
      path: path.join(testPaths(root).userDataDir, 'catalog.sqlite'),
    });
    expect(report.ffmpeg).toMatchObject({ found: true, version: expect.stringMatching(/^ffmpeg version/) });
    expect(report.ffprobe).toMatchObject({ found: true, version: expect.stringMatching(/^ffprobe version/) });
    expect(report.runtimes.electron.available || report.runtimes.electron.reason?.includes('fetch:electron')).toBe(true);
    expect(report.runtimes.chromium).toHaveProperty('available');
    expect(fs.existsSync(report.catalog.path)).toBe(true);
  });

  it('exits 1 and names the file and key of a bad setting', () => {
    const root = tempDir();
    fs.writeFileSync(testPaths(root).userConfigFile, JSON.stringify({ s3: { endpoint: 'ftp://old-server' } }));
    const run = runIrec(['doctor'], testEnv(root));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `Configuration ${testPaths(root).userConfigFile}: "s3.endpoint" expected an http(s) URL; that setting was ignored.`,
    );
  });

  it('exits 1 when ffmpeg cannot be found, saying how to provide it', () => {
    const root = tempDir();
    const run = runIrec(
      ['doctor', '--json'],
      testEnv(root, { PATH: path.dirname(process.execPath) === '/usr/bin' ? '/nonexistent' : path.dirname(process.execPath) }),
    );
    expect(run.status).toBe(1);
    expect(run.json<DoctorReport>().problems.join(' ')).toMatch(/ffmpeg not found\..*FFMPEG_PATH/);
  });

  it('says why when the catalog belongs to a newer app, without touching it', () => {
    const root = tempDir();
    const file = path.join(testPaths(root).userDataDir, 'catalog.sqlite');
    const { db } = openCatalog(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const run = runIrec(['doctor', '--json'], testEnv(root));
    expect(run.status).toBe(1);
    expect(run.json<DoctorReport>().catalog).toMatchObject({ ok: false, integrity: expect.stringContaining('newer Interview Recorder') });
    // Doctor reports the trouble (1); a command that needs the catalog says it is unavailable (4).
    expect(runIrec(['recordings', 'list'], testEnv(root))).toMatchObject({
      status: EXIT.unavailable,
      stderr: expect.stringContaining('newer Interview Recorder'),
    });
  });
});

describe('irec recordings list', () => {
  it('lists what the catalog holds, as JSON and as text', () => {
    const root = tempDir();
    const { db } = openCatalog(path.join(testPaths(root).userDataDir, 'catalog.sqlite'));
    seedRecording(db, 'rec-a', { title: 'Backend engineer — round 1', chunks: 2, chunkBytes: 500_000 });
    db.close();

    const json = runIrec(['recordings', 'list', '--json'], testEnv(root));
    expect(json.status).toBe(0);
    expect(json.json<RecordingSummary[]>()).toEqual([
      expect.objectContaining({ id: 'rec-a', interviewTitle: 'Backend engineer — round 1', sizeBytes: 1_000_000, chunkCount: 2 }),
    ]);

    const text = runIrec(['recordings', 'list'], testEnv(root));
    expect(text.stdout).toMatch(/rec-a\s+stopped .*1\.0 MB\s+Backend engineer — round 1 — Ada Lovelace/);
  });

  it('says so when there are none', () => {
    expect(runIrec(['recordings', 'list'], testEnv(tempDir())).stdout.trim()).toBe('No recordings yet.');
  });
});

describe('irec script check', () => {
  it('summarises a valid script and exits 0', () => {
    const root = tempDir();
    const file = path.join(root, 'interview.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        id: 'acme-1',
        title: 'Backend',
        candidateName: 'Ada',
        questions: [{ text: 'Why us?', answerSeconds: 60, retakes: 1 }],
      }),
    );
    const run = runIrec(['script', 'check', file], testEnv(root));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1. Why us?  [think 5 s, answer ≤ 60 s, 1 retake(s)]');
  });

  it('exits 1 naming the file and field of an invalid script', () => {
    const root = tempDir();
    const file = path.join(root, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ id: 'acme 1', title: 'Backend', candidateName: 'Ada', questions: [] }));
    const run = runIrec(['script', 'check', file, '--json'], testEnv(root));
    expect(run.status).toBe(1);
    const { error } = run.json<{ error: string }>();
    expect(error).toContain(`Interview script ${file}: id: expected 1–128 letters`);
    expect(error).toContain('questions: an interview needs at least one question');
  });

  it('refuses question audio that escapes the script folder, naming the question', () => {
    const root = tempDir();
    const file = path.join(root, 'evil.json');
    const questions = [{ text: 'Why us?', audio: '../../../../etc/shadow' }];
    fs.writeFileSync(file, JSON.stringify({ id: 'acme-1', title: 'Backend', candidateName: 'Ada', questions }));
    const run = runIrec(['script', 'check', file], testEnv(root));
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`questions.0.audio: question 1's audio "../../../../etc/shadow" leaves the script's folder`);
    expect(run.stdout).not.toContain('Valid');
  });
});

describe('irec usage', () => {
  it('prints help with every command and exits 0', () => {
    const run = runIrec(['--help'], testEnv(tempDir()));
    expect(run.status).toBe(0);
    for (const word of ['doctor', 'recordings list', 'recordings show', 'merge', 'recover', '--json', '--data-dir', 'IREC_CONFIG'])
      expect(run.stdout).toContain(word);
  });

  it.each([
    [['explode']],
    [['recordings', 'delete']],
    [['recordings', 'list', '--limit', 'lots']],
    [['doctor', '--bogus']],
    [['merge']],
    [['recordings', 'show']],
  ])('exits 2 with a hint for %j', (args) => {
    const run = runIrec(args, testEnv(tempDir()));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('irec --help');
  });

  it('--data-dir wins over IREC_DATA_DIR', () => {
    const root = tempDir();
    const chosen = path.join(root, 'chosen');
    const run = runIrec(['doctor', '--json', '--data-dir', chosen], testEnv(root));
    expect(run.json<DoctorReport>().dataDir.path).toBe(chosen);
    expect(fs.existsSync(path.join(chosen, 'catalog.sqlite'))).toBe(true);
  });
});
