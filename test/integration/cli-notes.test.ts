import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import { insertEvent } from '../../src/core/services/catalog/queries/events';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { insertRecording } from '../../src/core/services/catalog/queries/recordings';
import { insertCloudSession, updateCloudSession } from '../../src/core/services/catalog/queries/cloud-sessions';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { createNotesService } from '../../src/core/services/notes/notes-service';
import type { NotesExport } from '../../src/core/services/notes/notes-export';
import type { Note } from '../../src/shared/domain/notes';
import { runIrec } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-paths';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

/**
 * A catalog with one live interview of a script no longer loaded (its question texts come from the recording's
 * markers), a cloud recording that started 10 s after the local one, two notes and a scorecard.
 */
function seededRoot(): string {
  const root = tempDir();
  const { db } = openCatalog(path.join(testPaths(root).userDataDir, 'catalog.sqlite'));
  insertInterview(db, { id: 'int-cli', scriptId: 'acme-1', title: 'Backend engineer', candidateName: 'Ada Lovelace', createdAt: at(0) });
  insertRecording(db, { id: 'rec-cli', interviewId: 'int-cli', state: 'recording', startedAt: at(0) });
  insertEvent(db, {
    interviewId: 'int-cli',
    recordingId: 'rec-cli',
    at: at(1_000),
    kind: 'question.start',
    data: { index: 0, take: 1, text: 'Why us?' },
  });
  insertCloudSession(db, {
    id: 'cs-cli',
    interviewId: 'int-cli',
    recordingId: null,
    backend: 'agora',
    state: 'registering',
    target: 'ch',
    createdAt: at(9_000),
  });
  updateCloudSession(db, 'cs-cli', { state: 'active', startedAt: at(10_000) }, at(10_000));
  const clock = { ms: 0 };
  const notes = createNotesService({
    db,
    script: () => ({ ok: false, source: 'file', file: 'x', error: 'not loaded' }),
    now: () => new Date(T0 + clock.ms),
  });
  clock.ms = 65_000;
  notes.addNote({
    interviewId: 'int-cli',
    text: 'Motivated | specific',
    questionIndex: 0,
    author: 'Grace',
    local: { recordingId: 'rec-cli', mediaMs: 64_800 },
  });
  clock.ms = 130_000;
  notes.addNote({ interviewId: 'int-cli', text: 'Asked about on-call', local: { recordingId: 'rec-cli', mediaMs: 129_700 } });
  notes.saveScorecard({
    interviewId: 'int-cli',
    recommendation: 'yes',
    summary: 'Hire',
    ratings: [{ subject: 'question', questionIndex: 0, rating: 4, reason: 'concrete' }],
  });
  db.close();
  return root;
}

describe('irec notes', () => {
  it('exports Markdown by default: notes by question with both clocks, then the scorecard', () => {
    const root = seededRoot();
    const run = runIrec(['notes', 'export', 'int-cli'], testEnv(root));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Notes: Backend engineer\n/);
    expect(run.stdout).toContain(
      '### Question 1: Why us?\n\n- **01:04** local · **00:55** cloud — Motivated \\| specific _(Grace, 10:01:05 UTC)_',
    );
    expect(run.stdout).toContain('### General\n\n- **02:09** local · **02:00** cloud — Asked about on-call');
    expect(run.stdout).toContain('**Recommendation:** Yes');
    expect(run.stdout).toContain('| Question 1: Why us? | 4/5 | concrete |');
  });

  it('exports the documented JSON with --json, the same as --format json', () => {
    const root = seededRoot();
    const run = runIrec(['notes', 'export', 'int-cli', '--json'], testEnv(root));
    expect(run.status).toBe(0);
    const doc = run.json<NotesExport>();
    expect(doc).toMatchObject({
      schema: 'interview-recorder/notes@1',
      interview: { id: 'int-cli', title: 'Backend engineer', candidateName: 'Ada Lovelace' },
      scorecard: { recommendation: 'yes', summary: 'Hire' },
    });
    expect(doc.notes.map((n) => [n.localMs, n.cloudMs, n.question?.text ?? null])).toEqual([
      [64_800, 55_000, 'Why us?'],
      [129_700, 120_000, null],
    ]);
    const viaFormat = runIrec(['notes', 'export', 'int-cli', '--format', 'json'], testEnv(root)).json<NotesExport>();
    expect({ ...viaFormat, exportedAt: '' }).toEqual({ ...doc, exportedAt: '' });
  });

  it('writes the export to a user-only file with --out, and says what it wrote (as JSON under --json)', () => {
    const root = seededRoot();
    const file = path.join(root, 'notes.md');
    const run = runIrec(['notes', 'export', 'int-cli', '--format', 'md', '--out', file, '--json'], testEnv(root));
    expect(run.status).toBe(0);
    expect(run.json()).toMatchObject({ file, format: 'md', notes: 2, scorecard: true });
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Notes: Backend engineer\n[\s\S]*## Scorecard/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('lists the notes as lines and as JSON', () => {
    const root = seededRoot();
    const text = runIrec(['notes', 'list', 'int-cli'], testEnv(root));
    expect(text.status).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([
      '01:04 local  00:55 cloud  Q1   Motivated | specific  — Grace',
      '02:09 local  02:00 cloud       Asked about on-call',
    ]);
    const json = runIrec(['notes', 'list', 'int-cli', '--json'], testEnv(root)).json<Note[]>();
    expect(json.map((n) => n.text)).toEqual(['Motivated | specific', 'Asked about on-call']);
  });

  it('says an unknown interview is not there (exit 3), and refuses wrong usage (exit 2)', () => {
    const root = seededRoot();
    const missing = runIrec(['notes', 'export', 'int-nope'], testEnv(root));
    expect(missing).toMatchObject({ status: EXIT.notFound, stdout: '' });
    expect(missing.stderr).toContain('irec notes: There is no interview int-nope in the catalog.');
    expect(runIrec(['notes', 'export', 'int-cli', '--format', 'pdf'], testEnv(root))).toMatchObject({
      status: EXIT.usage,
      stderr: expect.stringContaining('--format must be json or md, not "pdf"'),
    });
    expect(runIrec(['notes', 'export', 'int-cli', '--json', '--format', 'md'], testEnv(root)).status).toBe(EXIT.usage);
    expect(runIrec(['notes', 'export'], testEnv(root))).toMatchObject({
      status: EXIT.usage,
      stderr: expect.stringContaining('needs an interview id'),
    });
    expect(runIrec(['notes', 'show', 'int-cli'], testEnv(root)).status).toBe(EXIT.usage);
  });
});
