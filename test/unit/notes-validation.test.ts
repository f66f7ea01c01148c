import { describe, expect, it } from 'vitest';
import { exportFormat } from '../../src/cli/commands/notes';
import { UsageError } from '../../src/cli/usage-error';
import { newNoteSchema, noteEditSchema, scorecardInputSchema } from '../../src/shared/domain/notes';

const card = (ratings: unknown[], extra: Record<string, unknown> = {}) =>
  scorecardInputSchema.safeParse({ interviewId: 'int-1', recommendation: 'yes', ratings, ...extra });

describe('scorecard validation', () => {
  it('accepts ratings 1 to 5 of questions and competencies, trimming words and defaulting the reason', () => {
    const parsed = card([
      { subject: 'question', questionIndex: 0, rating: 1 },
      { subject: 'competency', competency: '  Communication ', rating: 5, reason: ' clear ' },
    ]);
    expect(parsed.success && parsed.data.ratings).toEqual([
      { subject: 'question', questionIndex: 0, rating: 1, reason: '' },
      { subject: 'competency', competency: 'Communication', rating: 5, reason: 'clear' },
    ]);
    expect(parsed.success && parsed.data.summary).toBe('');
  });

  it.each([
    ['a rating of 0', [{ subject: 'question', questionIndex: 0, rating: 0 }]],
    ['a rating of 6', [{ subject: 'competency', competency: 'Design', rating: 6 }]],
    ['a fractional rating', [{ subject: 'competency', competency: 'Design', rating: 3.5 }]],
    ['a negative question', [{ subject: 'question', questionIndex: -1, rating: 3 }]],
    ['a competency without a name', [{ subject: 'competency', competency: '  ', rating: 3 }]],
    ['an unknown subject', [{ subject: 'mood', rating: 3 }]],
    ['a question and a competency in one rating', [{ subject: 'question', questionIndex: 0, competency: 'Design', rating: 3 }]],
    [
      'the same question twice',
      [
        { subject: 'question', questionIndex: 2, rating: 3 },
        { subject: 'question', questionIndex: 2, rating: 4 },
      ],
    ],
    [
      'the same competency twice, whatever its case',
      [
        { subject: 'competency', competency: 'Design', rating: 3 },
        { subject: 'competency', competency: 'design ', rating: 4 },
      ],
    ],
  ])('refuses %s', (_what, ratings) => {
    expect(card(ratings).success).toBe(false);
  });

  it('names the subject rated twice', () => {
    const parsed = card([
      { subject: 'question', questionIndex: 2, rating: 3 },
      { subject: 'question', questionIndex: 2, rating: 4 },
    ]);
    expect(parsed.success ? '' : parsed.error.issues[0]?.message).toBe('question 3 is rated twice');
  });

  it('takes a recommendation from the closed set only, or none', () => {
    expect(card([], { recommendation: 'maybe' }).success).toBe(false);
    expect(card([], { recommendation: null }).success).toBe(true);
    expect(card([], { recommendation: 'strong-no' }).success).toBe(true);
  });
});

describe('note validation', () => {
  it('needs some text, at most 4000 characters', () => {
    expect(newNoteSchema.safeParse({ interviewId: 'i', text: '   ' }).success).toBe(false);
    expect(newNoteSchema.safeParse({ interviewId: 'i', text: 'x'.repeat(4001) }).success).toBe(false);
    expect(newNoteSchema.safeParse({ interviewId: 'i', text: 'x'.repeat(4000) }).success).toBe(true);
  });

  it('takes the local recording clock as whole non-negative milliseconds', () => {
    const local = (mediaMs: number) =>
      newNoteSchema.safeParse({ interviewId: 'i', text: 't', local: { recordingId: 'r', mediaMs } }).success;
    expect(local(1500)).toBe(true);
    expect(local(-1)).toBe(false);
    expect(local(1.5)).toBe(false);
  });

  it('refuses a clock the core stamps itself, and an edit that changes nothing', () => {
    expect(newNoteSchema.safeParse({ interviewId: 'i', text: 't', cloudMs: 5 }).success).toBe(false);
    expect(noteEditSchema.safeParse({ noteId: 'n' }).success).toBe(false);
    expect(noteEditSchema.safeParse({ noteId: 'n', questionIndex: null }).success).toBe(true);
  });
});

describe('irec notes export --format and --json', () => {
  it('defaults to Markdown, and to JSON under --json', () => {
    expect(exportFormat({ json: false })).toBe('md');
    expect(exportFormat({ json: true })).toBe('json');
    expect(exportFormat({ json: false, format: 'json' })).toBe('json');
  });

  it('refuses an unknown format and Markdown printed as JSON, but writes Markdown to a file with a JSON summary', () => {
    expect(() => exportFormat({ json: false, format: 'pdf' })).toThrow(UsageError);
    expect(() => exportFormat({ json: true, format: 'md' })).toThrow(/--json prints JSON/);
    expect(exportFormat({ json: true, format: 'md', out: 'notes.md' })).toBe('md');
  });
});
