/**
 * Where `now` falls in a cloud recording that started at `startedAt` (the moment the backend acknowledged the
 * start, as the catalog stores it). A start stamped a little after `now` by another clock counts as zero, never
 * as a negative time no player can seek to.
 */
export function cloudClockMs(now: Date, startedAt: string): number | null {
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return null;
  return Math.max(0, Math.round(now.getTime() - start));
}

/** "mm:ss" (minutes grow past 59: "75:03") as notes are shown beside a recording; a dash when that clock was not running. */
export function formatClock(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
