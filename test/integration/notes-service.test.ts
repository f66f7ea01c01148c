import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors/app-error';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { insertCloudSession, updateCloudSession } from '../../src/core/services/catalog/queries/cloud-sessions';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail, insertRecording } from '../../src/core/services/catalog/queries/recordings';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import type { ActiveScript } from '../../src/core/services/interview/load-script';
import { createNotesService } from '../../src/core/services/notes/notes-service';
import { buildManifest } from '../../src/core/services/upload/manifest';
import type { CloudBackend, CloudSessionState } from '../../src/shared/domain/cloud';
import type { ErrorCode } from '../../src/shared/errors';
import { DEMO_SCRIPT } from '../../src/shared/interview/demo-script';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { seedRecording } from '../support/fixtures';
import { tempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

const demo: ActiveScript = { ok: true, source: 'demo', script: interviewScriptSchema.parse(DEMO_SCRIPT) };
const INTERVIEW = 'int-live';
const T0 = Date.parse('2026-12-01T10:00:00.000Z');

/** A real catalog file with a live interview of the demo script and its local recording; the clock is the test's. */
function setup() {
  const { db } = openCatalog(path.join(tempDir(), 'catalog.sqlite'));
  insertInterview(db, {
    id: INTERVIEW,
    scriptId: 'demo-practice',
    title: 'Live round',
    candidateName: 'Ada',
    createdAt: new Date(T0).toISOString(),
  });
  insertRecording(db, {
    id: 'rec-local',
    interviewId: INTERVIEW,
    state: 'recording',
    mimeType: 'video/webm',
    startedAt: new Date(T0).toISOString(),
  });
  seedRecording(db, 'rec-other');
  const clock = { ms: T0 };
  let ids = 0;
  const notes = createNotesService({ db, script: () => demo, now: () => new Date(clock.ms), newId: () => `note-${++ids}` });
  return { db, notes, clock, close: () => db.close() };
}

function cloudSession(
  db: ReturnType<typeof setup>['db'],
  id: string,
  backend: CloudBackend,
  startedAt: number,
  state: CloudSessionState = 'active',
) {
  const at = new Date(startedAt).toISOString();
  insertCloudSession(db, { id, interviewId: INTERVIEW, recordingId: null, backend, state: 'registering', target: 'room', createdAt: at });
  updateCloudSession(db, id, { state, startedAt: at }, at);
}

function codeOf(action: () => unknown): ErrorCode | 'none' {
  try {
    action();
    return 'none';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe('notes: stamped with both recording clocks', () => {
  it('without a cloud recording or a local one, a note has only its wall-clock time', () => {
    const { notes, clock, close } = setup();
    clock.ms = T0 + 42_000;
    const note = notes.addNote({ interviewId: INTERVIEW, text: '  Strong opening  ' });
    expect(note).toMatchObject({
      text: 'Strong opening',
      createdAt: '2026-12-01T10:00:42.000Z',
      localMs: null,
      cloudMs: null,
      cloudSessionId: null,
    });
    expect(notes.listNotes(INTERVIEW)).toEqual([note]);
    close();
  });

  it('during a running cloud recording, cloudMs is the time since its acknowledged start; localMs is the desk’s media time', () => {
    const { db, notes, clock, close } = setup();
    cloudSession(db, 'cs-old', 'agora', T0 - 600_000, 'done');
    cloudSession(db, 'cs-media', 'media', T0 - 5_000);
    cloudSession(db, 'cs-live', 'livekit', T0 + 10_000);
    clock.ms = T0 + 73_250;
    const note = notes.addNote({
      interviewId: INTERVIEW,
      text: 'Q2 answer',
      questionIndex: 1,
      author: 'Grace',
      local: { recordingId: 'rec-local', mediaMs: 71_900 },
    });
    expect(note).toMatchObject({
      cloudSessionId: 'cs-live',
      cloudMs: 63_250,
      localRecordingId: 'rec-local',
      localMs: 71_900,
      questionIndex: 1,
      author: 'Grace',
    });

    // Once the cloud recording stops, later notes have no cloud clock.
    updateCloudSession(
      db,
      'cs-live',
      { state: 'stopping', stoppedAt: new Date(T0 + 80_000).toISOString() },
      new Date(T0 + 80_000).toISOString(),
    );
    clock.ms = T0 + 90_000;
    expect(notes.addNote({ interviewId: INTERVIEW, text: 'After stop' })).toMatchObject({ cloudMs: null, cloudSessionId: null });
    close();
  });

  it('is stamped at the moment Enter was pressed (typedAt), unless that lies in the future or over a minute back', () => {
    const { db, notes, clock, close } = setup();
    cloudSession(db, 'cs-live', 'agora', T0);
    clock.ms = T0 + 30_000;
    const at = (ms: number) => new Date(ms).toISOString();
    // Stored 1.5 s after Enter on a busy machine: both clocks are those of the key press.
    expect(notes.addNote({ interviewId: INTERVIEW, text: 'late', typedAt: at(T0 + 28_500) })).toMatchObject({
      createdAt: at(T0 + 28_500),
      cloudMs: 28_500,
    });
    expect(notes.addNote({ interviewId: INTERVIEW, text: 'future', typedAt: at(T0 + 31_000) })).toMatchObject({
      createdAt: at(T0 + 30_000),
    });
    expect(notes.addNote({ interviewId: INTERVIEW, text: 'stale', typedAt: at(T0 - 40_000) })).toMatchObject({
      createdAt: at(T0 + 30_000),
    });
    expect(codeOf(() => notes.addNote({ interviewId: INTERVIEW, text: 'x', typedAt: 'yesterday' }))).toBe('INVALID_PAYLOAD');
    close();
  });

  it('refuses an unknown interview, another interview’s recording, and a question the script does not have', () => {
    const { notes, close } = setup();
    expect(codeOf(() => notes.addNote({ interviewId: 'int-nope', text: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(() => notes.listNotes('int-nope'))).toBe('NOT_FOUND');
    expect(codeOf(() => notes.addNote({ interviewId: INTERVIEW, text: 'x', local: { recordingId: 'rec-other', mediaMs: 1 } }))).toBe(
      'CONFLICT',
    );
    expect(codeOf(() => notes.addNote({ interviewId: INTERVIEW, text: 'x', local: { recordingId: 'rec-gone', mediaMs: 1 } }))).toBe(
      'NOT_FOUND',
    );
    expect(() => notes.addNote({ interviewId: INTERVIEW, text: 'x', questionIndex: 3 })).toThrow(/has 3 questions; there is no question 4/);
    expect(() => notes.addNote({ interviewId: INTERVIEW, text: '' })).toThrow(/^The note: text: a note needs some text/);
    expect(notes.listNotes(INTERVIEW)).toEqual([]);
    close();
  });

  it('edits keep the clocks and say when; deletes remove the note', () => {
    const { db, notes, clock, close } = setup();
    cloudSession(db, 'cs-live', 'agora', T0);
    clock.ms = T0 + 5_000;
    const first = notes.addNote({ interviewId: INTERVIEW, text: 'first', local: { recordingId: 'rec-local', mediaMs: 4_800 } });
    const second = notes.addNote({ interviewId: INTERVIEW, text: 'second' });
    clock.ms = T0 + 60_000;
    const edited = notes.editNote({ noteId: first.id, text: 'first, reworded', questionIndex: 0 });
    expect(edited).toEqual({ ...first, text: 'first, reworded', questionIndex: 0, editedAt: '2026-12-01T10:01:00.000Z' });
    expect(notes.editNote({ noteId: first.id, questionIndex: null }).questionIndex).toBeNull();
    notes.deleteNote(second.id);
    expect(notes.listNotes(INTERVIEW).map((n) => n.id)).toEqual([first.id]);
    expect(codeOf(() => notes.deleteNote(second.id))).toBe('NOT_FOUND');
    expect(codeOf(() => notes.editNote({ noteId: 'note-x', text: 'y' }))).toBe('NOT_FOUND');
    close();
  });
});

describe('scorecard', () => {
  it('is empty until saved, then loads as saved; a new save replaces every rating', () => {
    const { notes, clock, close } = setup();
    expect(notes.getScorecard(INTERVIEW)).toEqual({
      interviewId: INTERVIEW,
      recommendation: null,
      summary: '',
      ratings: [],
      updatedAt: null,
    });
    clock.ms = T0 + 3_600_000;
    const saved = notes.saveScorecard({
      interviewId: INTERVIEW,
      recommendation: 'yes',
      summary: 'Solid',
      ratings: [
        { subject: 'competency', competency: 'Communication', rating: 4, reason: 'clear' },
        { subject: 'question', questionIndex: 2, rating: 3, reason: 'thin' },
        { subject: 'question', questionIndex: 0, rating: 5 },
      ],
    });
    expect(saved).toEqual({
      interviewId: INTERVIEW,
      recommendation: 'yes',
      summary: 'Solid',
      updatedAt: '2026-12-01T11:00:00.000Z',
      ratings: [
        { subject: 'question', questionIndex: 0, rating: 5, reason: '' },
        { subject: 'question', questionIndex: 2, rating: 3, reason: 'thin' },
        { subject: 'competency', competency: 'Communication', rating: 4, reason: 'clear' },
      ],
    });
    expect(notes.getScorecard(INTERVIEW)).toEqual(saved);
    const replaced = notes.saveScorecard({
      interviewId: INTERVIEW,
      recommendation: null,
      ratings: [{ subject: 'competency', competency: 'Design', rating: 2 }],
    });
    expect(replaced).toMatchObject({
      recommendation: null,
      summary: '',
      ratings: [{ subject: 'competency', competency: 'Design', rating: 2, reason: '' }],
    });
    close();
  });

  it('refuses a bad card as a whole, leaving the saved one as it was', () => {
    const { notes, close } = setup();
    const saved = notes.saveScorecard({
      interviewId: INTERVIEW,
      recommendation: 'no',
      ratings: [{ subject: 'question', questionIndex: 1, rating: 2 }],
    });
    const bad = (ratings: unknown[]) => () =>
      notes.saveScorecard({ interviewId: INTERVIEW, recommendation: 'yes', ratings: ratings as never });
    expect(codeOf(bad([{ subject: 'question', questionIndex: 1, rating: 6 }]))).toBe('INVALID_PAYLOAD');
    expect(bad([{ subject: 'question', questionIndex: 5, rating: 3 }])).toThrow(/there is no question 6/);
    expect(codeOf(() => notes.saveScorecard({ interviewId: 'int-nope', recommendation: null }))).toBe('NOT_FOUND');
    expect(notes.getScorecard(INTERVIEW)).toEqual(saved);
    close();
  });

  it('is guarded by the catalog too: one subject per rating, ratings 1–5, one rating per subject', () => {
    const { db, notes, close } = setup();
    notes.saveScorecard({
      interviewId: INTERVIEW,
      recommendation: null,
      ratings: [{ subject: 'competency', competency: 'Design', rating: 3 }],
    });
    const insert = (questionIndex: number | null, competency: string | null, rating: number) => () =>
      db
        .prepare('INSERT INTO scorecard_ratings (interview_id, question_index, competency, rating) VALUES (?, ?, ?, ?)')
        .run(INTERVIEW, questionIndex, competency, rating);
    expect(insert(1, 'Design', 3)).toThrow(/CHECK constraint failed/);
    expect(insert(null, null, 3)).toThrow(/CHECK constraint failed/);
    expect(insert(1, null, 0)).toThrow(/CHECK constraint failed/);
    expect(insert(null, 'Design', 4)).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare("UPDATE scorecards SET recommendation = 'maybe'").run()).toThrow(/CHECK constraint failed/);
    close();
  });
});

describe('the recording’s manifest', () => {
  it('carries the interview’s notes with both clocks and its scorecard', () => {
    const { db, notes, clock, close } = setup();
    cloudSession(db, 'cs-live', 'agora', T0);
    clock.ms = T0 + 12_000;
    const note = notes.addNote({
      interviewId: INTERVIEW,
      text: 'Good',
      questionIndex: 0,
      local: { recordingId: 'rec-local', mediaMs: 11_500 },
    });
    const card = notes.saveScorecard({
      interviewId: INTERVIEW,
      recommendation: 'strong-yes',
      ratings: [{ subject: 'question', questionIndex: 0, rating: 5 }],
    });
    const manifest = buildManifest(db, {
      recording: getRecordingDetail(db, 'rec-local')!,
      bucket: 'b',
      objects: [],
      appVersion: '1',
      createdAt: 'now',
    });
    const { interviewId: _interview, ...stored } = note;
    expect(manifest.notes).toEqual([stored]);
    expect(manifest.notes[0]).toMatchObject({ localRecordingId: 'rec-local', localMs: 11_500, cloudSessionId: 'cs-live', cloudMs: 12_000 });
    expect(manifest.scorecard).toEqual(card);
    // Another interview's recording carries none of them.
    const other = buildManifest(db, {
      recording: getRecordingDetail(db, 'rec-other')!,
      bucket: 'b',
      objects: [],
      appVersion: '1',
      createdAt: 'now',
    });
    expect(other).toMatchObject({ notes: [], scorecard: null });
    close();
  });
});

describe('notes over IPC', () => {
  const APP = 'app://interview-recorder';
  it('validates each request at the dispatcher and answers from the catalog', async () => {
    const core = createTestCore();
    const db = core.catalog.ok ? core.catalog.catalog.db : undefined;
    seedRecording(db!, 'rec-ipc');
    const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: [APP] });
    const call = (channel: string, payload: unknown) => dispatch(channel, payload, { origin: APP, isMainFrame: true });

    const added = await call('addNote', { interviewId: 'int-rec-ipc', text: 'hello', local: { recordingId: 'rec-ipc', mediaMs: 900 } });
    expect(added).toMatchObject({ ok: true, value: { text: 'hello', localMs: 900, cloudMs: null } });
    expect(await call('listNotes', { interviewId: 'int-rec-ipc' })).toMatchObject({ ok: true, value: [{ text: 'hello' }] });
    expect(await call('saveScorecard', { interviewId: 'int-rec-ipc', recommendation: 'maybe' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', issues: [expect.objectContaining({ path: 'recommendation' })] },
    });
    expect(await call('getScorecard', { interviewId: 'int-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const id = (added as { value: { id: string } }).value.id;
    expect(await call('deleteNote', { noteId: id })).toEqual({ ok: true, value: null });
    expect(await call('listNotes', { interviewId: 'int-rec-ipc' })).toEqual({ ok: true, value: [] });
  });
});
