import { describe, expect, it } from 'vitest';
import { cloudClockMs, formatClock } from '../../src/core/services/notes/note-clocks';
import { buildNotesExport, notesMarkdown, type NotesExportInput } from '../../src/core/services/notes/notes-export';
import type { Note } from '../../src/shared/domain/notes';

const note = (overrides: Partial<Note>): Note => ({
  id: 'n',
  interviewId: 'int-1',
  text: 'text',
  questionIndex: null,
  author: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  editedAt: null,
  localRecordingId: null,
  localMs: null,
  cloudSessionId: null,
  cloudMs: null,
  ...overrides,
});

const fixture: NotesExportInput = {
  interview: { id: 'int-1', title: 'Backend engineer', candidateName: 'Ada Lovelace', scriptId: 'acme-1' },
  notes: [
    note({
      id: 'n1',
      text: 'Clear | structured answer',
      questionIndex: 1,
      author: 'Grace',
      localRecordingId: 'rec-1',
      localMs: 75_400,
      cloudSessionId: 'cs-1',
      cloudMs: 62_999,
      createdAt: '2026-12-01T10:01:15.400Z',
    }),
    note({
      id: 'n2',
      text: 'Late joiner\nwith a second line',
      createdAt: '2026-12-01T10:00:05.000Z',
      localRecordingId: 'rec-1',
      localMs: 5_000,
    }),
    note({ id: 'n3', text: 'Question 3, unknown text', questionIndex: 2, editedAt: '2026-12-01T11:00:00.000Z', cloudMs: 3_600_000 }),
  ],
  scorecard: {
    interviewId: 'int-1',
    recommendation: 'strong-yes',
    summary: '# Hire\nwithout doubt',
    updatedAt: '2026-12-01T11:30:00.000Z',
    ratings: [
      { subject: 'question', questionIndex: 1, rating: 4, reason: 'Good depth' },
      { subject: 'competency', competency: 'Communication', rating: 5, reason: 'Concise' },
    ],
  },
  questions: new Map([
    [0, 'Introduce yourself.'],
    [1, 'Tell us about a project.'],
  ]),
  exportedAt: '2026-12-01T12:00:00.000Z',
};

describe('recording clocks of a note', () => {
  it('measure the cloud clock from the acknowledged start, never below zero', () => {
    expect(cloudClockMs(new Date('2026-12-01T10:01:05.250Z'), '2026-12-01T10:00:00.000Z')).toBe(65_250);
    expect(cloudClockMs(new Date('2026-12-01T09:59:59.000Z'), '2026-12-01T10:00:00.000Z')).toBe(0);
    expect(cloudClockMs(new Date(), 'not a time')).toBeNull();
  });

  it('print mm:ss with minutes past the hour, and a dash for a clock that was not running', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(75_999)).toBe('01:15');
    expect(formatClock(3_600_000)).toBe('60:00');
    expect(formatClock(null)).toBe('—');
  });
});

describe('notes export as JSON', () => {
  it('has the schema id, the interview, each note with both clocks and its question, and the scorecard', () => {
    const doc = buildNotesExport(fixture);
    expect(doc.schema).toBe('interview-recorder/notes@1');
    expect(doc.interview).toEqual(fixture.interview);
    expect(doc.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(doc.notes[0]).toEqual({
      id: 'n1',
      text: 'Clear | structured answer',
      author: 'Grace',
      createdAt: '2026-12-01T10:01:15.400Z',
      editedAt: null,
      localRecordingId: 'rec-1',
      localMs: 75_400,
      cloudSessionId: 'cs-1',
      cloudMs: 62_999,
      question: { index: 1, number: 2, text: 'Tell us about a project.' },
    });
    expect(doc.notes[1]!.question).toBeNull();
    expect(doc.notes[2]!.question).toEqual({ index: 2, number: 3, text: null });
    expect(doc.scorecard?.ratings).toEqual([
      {
        subject: 'question',
        question: { index: 1, number: 2, text: 'Tell us about a project.' },
        competency: null,
        rating: 4,
        reason: 'Good depth',
      },
      { subject: 'competency', question: null, competency: 'Communication', rating: 5, reason: 'Concise' },
    ]);
    expect(doc.scorecard).toMatchObject({ recommendation: 'strong-yes', updatedAt: '2026-12-01T11:30:00.000Z' });
  });

  it('says null for a scorecard never saved', () => {
    expect(buildNotesExport({ ...fixture, scorecard: null }).scorecard).toBeNull();
  });
});

describe('notes export as Markdown', () => {
  const md = notesMarkdown(buildNotesExport(fixture));

  it('titles the document with the interview and the candidate', () => {
    expect(md.startsWith('# Notes: Backend engineer\n')).toBe(true);
    expect(md).toContain('Candidate: Ada Lovelace · Interview `int-1`');
  });

  it('groups notes by question in script order, general notes last, each with both clocks as mm:ss', () => {
    const q2 = md.indexOf('### Question 2: Tell us about a project.');
    const q3 = md.indexOf('### Question 3\n');
    const general = md.indexOf('### General');
    expect(q2).toBeGreaterThan(0);
    expect(q3).toBeGreaterThan(q2);
    expect(general).toBeGreaterThan(q3);
    expect(md).toContain('- **01:15** local · **01:02** cloud — Clear \\| structured answer _(Grace, 10:01:15 UTC)_');
    expect(md).toContain('- **—** local · **60:00** cloud — Question 3, unknown text _(10:00:00 UTC, edited)_');
    expect(md).toContain('- **00:05** local · **—** cloud — Late joiner<br>with a second line _(10:00:05 UTC)_');
  });

  it('ends with the scorecard: recommendation, a table of ratings, and the summary quoted', () => {
    const scorecard = md.slice(md.indexOf('## Scorecard'));
    expect(scorecard).toContain('**Recommendation:** Strong yes');
    expect(scorecard).toContain('| Subject | Rating | Reason |');
    expect(scorecard).toContain('| Question 2: Tell us about a project. | 4/5 | Good depth |');
    expect(scorecard).toContain('| Communication | 5/5 | Concise |');
    expect(scorecard).toContain('> # Hire\n> without doubt');
    expect(md.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  it('says so when there are no notes and no scorecard', () => {
    const empty = notesMarkdown(buildNotesExport({ ...fixture, notes: [], scorecard: null }));
    expect(empty).toContain('## Notes\n\nNo notes.');
    expect(empty).toContain('## Scorecard\n\nNo scorecard.');
  });
});
