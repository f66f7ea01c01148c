import path from 'node:path';
import type { Core } from '../../core/create-core';
import { replaceFileDurablySync } from '../../core/platform/durable-fs';
import { formatClock } from '../../core/services/notes/note-clocks';
import { notesMarkdown, type NotesExport } from '../../core/services/notes/notes-export';
import type { Note } from '../../shared/domain/notes';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

export interface NotesArgs {
  sub?: string;
  interviewId?: string;
  format?: string;
  out?: string;
  json: boolean;
}

const FORMATS = ['json', 'md'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The document's format: `--format`, else json under `--json`, else md. Printed to stdout, `--json --format md`
 * asks for two things at once and is refused; written with `--out`, `--json` is about the summary line instead.
 */
export function exportFormat(args: Pick<NotesArgs, 'format' | 'out' | 'json'>): Format {
  if (args.format !== undefined && !FORMATS.includes(args.format as Format)) {
    throw new UsageError(`--format must be json or md, not "${args.format}".`);
  }
  const format = (args.format as Format | undefined) ?? (args.json ? 'json' : 'md');
  if (args.json && format === 'md' && args.out === undefined) {
    throw new UsageError('--json prints JSON: drop it for Markdown, or write the Markdown to a file with --out <file>.');
  }
  return format;
}

const render = (doc: NotesExport, format: Format): string => (format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : notesMarkdown(doc));

function exportNotes(core: Core, out: Output, args: NotesArgs & { interviewId: string }): number {
  const format = exportFormat(args);
  const doc = core.notes.exportNotes(args.interviewId);
  const text = core.redact(render(doc, format));
  if (args.out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  const file = path.resolve(args.out);
  replaceFileDurablySync(file, text);
  const summary = { file, format, notes: doc.notes.length, scorecard: doc.scorecard !== null, bytes: Buffer.byteLength(text) };
  out.result(summary, () => `Wrote ${summary.notes} note(s)${summary.scorecard ? ' and the scorecard' : ''} to ${file} (${format}).`);
  return 0;
}

const noteLine = (note: Note): string =>
  `${formatClock(note.localMs)} local  ${formatClock(note.cloudMs)} cloud  ${note.questionIndex === null ? '   ' : `Q${note.questionIndex + 1}`.padEnd(3)}  ${note.text.replace(/\s*\n\s*/g, ' ⏎ ')}` +
  (note.author ? `  — ${note.author}` : '');

export function notesCommand(core: Core, out: Output, args: NotesArgs): number {
  if (args.sub !== 'list' && args.sub !== 'export') {
    throw new UsageError(`Unknown notes command "${args.sub ?? ''}". Try: notes list <interview>, notes export <interview>`);
  }
  if (!args.interviewId) throw new UsageError(`notes ${args.sub} needs an interview id: irec notes ${args.sub} <interview-id>`);
  if (args.sub === 'export') return exportNotes(core, out, { ...args, interviewId: args.interviewId });
  const notes = core.notes.listNotes(args.interviewId);
  out.result(notes, () => (notes.length ? notes.map(noteLine).join('\n') : `No notes for interview ${args.interviewId}.`));
  return 0;
}
