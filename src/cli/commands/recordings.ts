import type { Core } from '../../core/create-core';
import { AppError, isAppError } from '../../core/errors/app-error';
import type { LibraryService } from '../../core/services/library/library-service';
import { chaptersFromMarkers } from '../../core/services/finalize/chapters';
import { formatDuration } from '../../shared/format';
import { formatBytes, type Output } from '../output';
import { wholeNumber } from '../number-option';
import { UsageError } from '../usage-error';

const nonNegativeInt = (name: string, text: string | undefined, fallback: number): number =>
  text === undefined ? fallback : wholeNumber(name, text);

export function recordingsCommand(core: Core, out: Output, args: { sub?: string; id?: string; limit?: string; offset?: string }): number {
  if (args.sub === 'show') return showRecording(core.library, out, args.id);
  if (args.sub !== 'list')
    throw new UsageError(`Unknown recordings command "${args.sub ?? ''}". Try: recordings list, recordings show <id>`);
  const limit = Math.max(1, nonNegativeInt('limit', args.limit, 100));
  const rows = core.library.list({ limit, offset: nonNegativeInt('offset', args.offset, 0) });
  out.result(rows, () =>
    rows.length === 0
      ? 'No recordings yet.'
      : rows
          .map(
            (r) =>
              `${r.id}  ${r.state.padEnd(10)} ${r.startedAt}  ${formatBytes(r.sizeBytes).padStart(9)}  ${r.interviewTitle}${r.candidateName ? ` — ${r.candidateName}` : ''}` +
              (r.state === 'failed' && r.error ? `\n    ${r.error}` : ''),
          )
          .join('\n'),
  );
  return 0;
}

/** The recording, or null (said on stderr) when the catalog has none by that id. */
/** The recording, or NOT_FOUND (exit 3) with where to look. */
function findRecording(library: LibraryService, id: string) {
  try {
    return library.detail(id);
  } catch (error) {
    if (!isAppError(error, 'NOT_FOUND')) throw error;
    throw new AppError('NOT_FOUND', `There is no recording ${id}. List them with: irec recordings list`, { details: { id } });
  }
}

function showRecording(library: LibraryService, out: Output, id: string | undefined): number {
  if (!id) throw new UsageError('recordings show needs a recording id: irec recordings show <recording-id>');
  const detail = findRecording(library, id);
  const events = library.events(id);
  const chapters = chaptersFromMarkers(events, detail.mediaDurationMs ?? detail.durationMs ?? Number.MAX_SAFE_INTEGER);
  out.result({ ...detail, chapters, events }, () =>
    [
      `${detail.id} — ${detail.interviewTitle}${detail.candidateName ? ` (${detail.candidateName})` : ''}`,
      `  state      ${detail.state}${detail.error ? ` — ${detail.error}` : ''}`,
      `  started    ${detail.startedAt}${detail.endedAt ? `, ended ${detail.endedAt}` : ''}`,
      `  recorded   ${formatDuration(detail.durationMs)} by the recorder's clock in ${detail.chunkCount} chunks, ${formatBytes(detail.sizeBytes)}, ${detail.mimeType ?? ''}`,
      ...(detail.mediaDurationMs === null ? [] : [`  media      ${formatDuration(detail.mediaDurationMs)} in the finished file(s)`]),
      ...(detail.recoveredAt ? [`  recovered  ${detail.recoveredAt}`] : []),
      ...detail.segments.map((s) => `  segment ${s.seq}  ${s.chunkCount} chunks, ${formatBytes(s.bytes)}  ${s.filePath}`),
      ...detail.outputs.map(
        (o) =>
          `  output ${o.seq}   ${formatDuration(o.durationMs)}, ${formatBytes(o.size)}, sha256 ${o.sha256}\n             ${o.filePath}`,
      ),
      ...chapters.map((c) => `  chapter    ${formatDuration(c.startMs)}–${formatDuration(c.endMs)}  ${c.title}`),
      `  events     ${events.length}`,
    ].join('\n'),
  );
  return 0;
}
