import type { Note, Rating, Recommendation, Scorecard } from '../../../shared/domain/notes';
import { formatClock } from './note-clocks';

export const NOTES_EXPORT_SCHEMA = 'interview-recorder/notes@1';

/** A question as a note or rating names it: its index in the script, its number as people count, its text if known. */
export interface ExportedQuestion {
  index: number;
  number: number;
  text: string | null;
}

/**
 * The documented export (docs/interviewer.md): who and what the interview is, every note with both recording
 * clocks and its question, and the scorecard (null when none was saved).
 */
export interface NotesExport {
  schema: typeof NOTES_EXPORT_SCHEMA;
  exportedAt: string;
  interview: { id: string; title: string; candidateName: string | null; scriptId: string | null };
  notes: Array<Omit<Note, 'interviewId' | 'questionIndex'> & { question: ExportedQuestion | null }>;
  scorecard:
    | (Omit<Scorecard, 'interviewId' | 'ratings'> & {
        ratings: Array<{
          subject: Rating['subject'];
          question: ExportedQuestion | null;
          competency: string | null;
          rating: number;
          reason: string;
        }>;
      })
    | null;
}

export interface NotesExportInput {
  interview: NotesExport['interview'];
  notes: readonly Note[];
  scorecard: Scorecard | null;
  /** Each known question's text by index. */
  questions: ReadonlyMap<number, string>;
  exportedAt: string;
}

const questionOf = (questions: ReadonlyMap<number, string>, index: number | null): ExportedQuestion | null =>
  index === null ? null : { index, number: index + 1, text: questions.get(index) ?? null };

export function buildNotesExport(input: NotesExportInput): NotesExport {
  const { interview, questions, scorecard } = input;
  return {
    schema: NOTES_EXPORT_SCHEMA,
    exportedAt: input.exportedAt,
    interview: { id: interview.id, title: interview.title, candidateName: interview.candidateName, scriptId: interview.scriptId },
    notes: input.notes.map(({ interviewId: _interview, questionIndex, ...note }) => ({
      ...note,
      question: questionOf(questions, questionIndex),
    })),
    scorecard: scorecard && {
      recommendation: scorecard.recommendation,
      summary: scorecard.summary,
      updatedAt: scorecard.updatedAt,
      ratings: scorecard.ratings.map((rating) => ({
        subject: rating.subject,
        question: rating.subject === 'question' ? questionOf(questions, rating.questionIndex) : null,
        competency: rating.subject === 'competency' ? rating.competency : null,
        rating: rating.rating,
        reason: rating.reason,
      })),
    },
  };
}

const RECOMMENDATION_WORDS: Record<Recommendation, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

/** Text kept on one line of a list item or table cell: pipes escaped, line breaks as <br>. */
const inline = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

const questionTitle = (question: ExportedQuestion): string =>
  `Question ${question.number}${question.text ? `: ${inline(question.text)}` : ''}`;

/** "12:03:07 UTC" from an ISO time: when the note was typed, beside where it is in the recordings. */
const wallClock = (iso: string): string => `${iso.slice(11, 19)} UTC`;

function noteLine(note: NotesExport['notes'][number]): string {
  const by = note.author ? `${inline(note.author)}, ` : '';
  const edited = note.editedAt ? ', edited' : '';
  return `- **${formatClock(note.localMs)}** local · **${formatClock(note.cloudMs)}** cloud — ${inline(note.text)} _(${by}${wallClock(note.createdAt)}${edited})_`;
}

/** One section per question that has notes, in script order, then the notes marked for no question. */
function noteSections(notes: NotesExport['notes']): string[] {
  const byQuestion = new Map<number, { question: ExportedQuestion; notes: string[] }>();
  const general: string[] = [];
  for (const note of notes) {
    if (!note.question) {
      general.push(noteLine(note));
      continue;
    }
    const section = byQuestion.get(note.question.index) ?? { question: note.question, notes: [] };
    section.notes.push(noteLine(note));
    byQuestion.set(note.question.index, section);
  }
  const sections = [...byQuestion.values()]
    .sort((a, b) => a.question.index - b.question.index)
    .map((section) => [`### ${questionTitle(section.question)}`, '', ...section.notes, '']);
  if (general.length) sections.push(['### General', '', ...general, '']);
  return sections.length ? sections.flat() : ['No notes.', ''];
}

function scorecardSection(scorecard: NotesExport['scorecard']): string[] {
  if (!scorecard) return ['No scorecard.'];
  const recommendation = scorecard.recommendation ? RECOMMENDATION_WORDS[scorecard.recommendation] : 'none yet';
  const rows = scorecard.ratings.map((rating) => {
    const subject = rating.question ? questionTitle(rating.question) : inline(rating.competency ?? '');
    return `| ${subject} | ${rating.rating}/5 | ${inline(rating.reason)} |`;
  });
  return [
    `**Recommendation:** ${recommendation}`,
    '',
    ...(rows.length ? ['| Subject | Rating | Reason |', '| --- | --- | --- |', ...rows, ''] : []),
    // The summary is the interviewer's own prose: quoted, so a line of it never becomes a heading of this document.
    ...(scorecard.summary ? [...scorecard.summary.split(/\r?\n/).map((line) => `> ${line}`.trimEnd()), ''] : []),
    `_Updated ${scorecard.updatedAt ?? 'never'}._`,
  ];
}

/** The export as a Markdown document for people: the notes by question with both clocks (mm:ss), then the scorecard. */
export function notesMarkdown(doc: NotesExport): string {
  const { interview } = doc;
  return [
    `# Notes: ${inline(interview.title)}`,
    '',
    `${interview.candidateName ? `Candidate: ${inline(interview.candidateName)} · ` : ''}Interview \`${interview.id}\` · exported ${doc.exportedAt}`,
    '',
    "Times are where each note falls in the interviewer's local recording and in the cloud recording (mm:ss; — when that recording was not running).",
    '',
    '## Notes',
    '',
    ...noteSections(doc.notes),
    '## Scorecard',
    '',
    ...scorecardSection(doc.scorecard),
    '',
  ].join('\n');
}
