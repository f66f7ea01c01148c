/** The speeds offered, slowest first: `[` and `]` step through them. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** What ← / → and the ±15 s buttons move by. */
export const SKIP_SECONDS = 15;

export type PlayerAction = { type: 'toggle' } | { type: 'skip'; seconds: number } | { type: 'speed'; step: 1 | -1 };

/** The review player's keyboard shortcuts (shown on screen): Space, ← →, [ ]. Null for any other key. */
export function actionForKey(key: string): PlayerAction | null {
  switch (key) {
    case ' ':
      return { type: 'toggle' };
    case 'ArrowLeft':
      return { type: 'skip', seconds: -SKIP_SECONDS };
    case 'ArrowRight':
      return { type: 'skip', seconds: SKIP_SECONDS };
    case '[':
      return { type: 'speed', step: -1 };
    case ']':
      return { type: 'speed', step: 1 };
    default:
      return null;
  }
}

/** The next offered speed from `current` (a speed between two steps moves to the neighbour in that direction). */
export function nextSpeed(current: number, step: 1 | -1): number {
  const candidates = step > 0 ? SPEEDS.filter((s) => s > current + 1e-9) : SPEEDS.filter((s) => s < current - 1e-9).reverse();
  return candidates[0] ?? current;
}

/** A time within the recording after skipping (never before 0 nor past a known end). */
export function skippedTime(current: number, seconds: number, duration: number): number {
  const target = Math.max(0, current + seconds);
  return Number.isFinite(duration) && duration > 0 ? Math.min(target, duration) : target;
}
