import type { Core } from '../../main/core';
import { listRecordings } from '../../main/services/catalog/queries/recordings';
import { formatBytes, type Output } from '../output';
import { UsageError } from '../usage-error';

function nonNegativeInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, got "${text}".`);
  return value;
}

export function recordingsCommand(core: Core, out: Output, args: { sub?: string; limit?: string; offset?: string }): number {
  if (args.sub !== 'list') throw new UsageError(`Unknown recordings command "${args.sub ?? ''}". Try: recordings list`);
  if (!core.catalog.ok) {
    out.error(core.catalog.error);
    return 1;
  }
  const limit = Math.max(1, nonNegativeInt('limit', args.limit, 100));
  const rows = listRecordings(core.catalog.catalog.db, { limit, offset: nonNegativeInt('offset', args.offset, 0) });
  out.result(rows, () =>
    rows.length === 0
      ? 'No recordings yet.'
      : rows
          .map(
            (r) =>
              `${r.id}  ${r.state.padEnd(10)} ${r.startedAt}  ${formatBytes(r.sizeBytes).padStart(9)}  ${r.interviewTitle}${r.candidateName ? ` — ${r.candidateName}` : ''}`,
          )
          .join('\n'),
  );
  return 0;
}
