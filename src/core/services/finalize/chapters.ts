import type { Chapter } from '../media/remux-args';

export interface MarkerEvent {
  kind: string;
  data: unknown;
}

interface QuestionMarker {
  index: number;
  take: number;
  atMs: number;
  text?: string;
}

/** Media time of a marker: `mediaMs` (recorded time, segments joined); older markers carried only `elapsedMs`. */
function questionMarker(data: unknown): QuestionMarker | null {
  const d = (data ?? {}) as Record<string, unknown>;
  const atMs = typeof d.mediaMs === 'number' ? d.mediaMs : typeof d.elapsedMs === 'number' ? d.elapsedMs : null;
  if (atMs === null || typeof d.index !== 'number') return null;
  return { index: d.index, take: typeof d.take === 'number' ? d.take : 1, atMs, text: typeof d.text === 'string' ? d.text : undefined };
}

function titleOf(marker: QuestionMarker): string {
  const take = marker.take > 1 ? ` (take ${marker.take})` : '';
  return `Question ${marker.index + 1}${take}${marker.text ? `: ${marker.text}` : ''}`.slice(0, 200);
}

/**
 * One chapter per question take, from its start marker to its end marker (or the next start, or the end of the
 * recording). Chapters never overlap and never pass `totalMs`; markers past the end (lost in a crash) are dropped.
 */
export function chaptersFromMarkers(events: readonly MarkerEvent[], totalMs: number): Chapter[] {
  const starts: QuestionMarker[] = [];
  const ends = new Map<string, number>();
  for (const event of events) {
    const marker = questionMarker(event.data);
    if (!marker) continue;
    if (event.kind === 'question.start') starts.push(marker);
    if (event.kind === 'question.end') ends.set(`${marker.index}/${marker.take}`, marker.atMs);
  }
  starts.sort((a, b) => a.atMs - b.atMs);
  const chapters: Chapter[] = [];
  starts.forEach((marker, i) => {
    const startMs = Math.max(0, marker.atMs);
    const nextStart = starts[i + 1]?.atMs ?? totalMs;
    const endMs = Math.min(ends.get(`${marker.index}/${marker.take}`) ?? nextStart, nextStart, totalMs);
    if (endMs > startMs) chapters.push({ startMs, endMs, title: titleOf(marker) });
  });
  return chapters;
}
