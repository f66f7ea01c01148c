/** Seconds left at which the answer timer warns, largest first: once on screen and once to a screen reader. */
export const WARNING_SECONDS = [30, 10] as const;
export type WarningSeconds = (typeof WARNING_SECONDS)[number];

/** How the time left looks: calm, then "soon" (amber) from 30 s, then "last" (red) from 10 s. */
export type WarningLevel = 'calm' | 'soon' | 'last';

export function warningLevel(remainingMs: number): WarningLevel {
  if (remainingMs <= 10_000) return 'last';
  if (remainingMs <= 30_000) return 'soon';
  return 'calm';
}

/**
 * The warning the announcement region holds: the last threshold the time left has crossed in this phase, or
 * null. A threshold the phase began below is never said (a 20 s answer never hears "30 seconds left"). The time
 * left only falls, so the region's text changes once per threshold, and a screen reader hears each once; when
 * a throttled timer jumps past both, only the 10 s warning is said.
 */
export function spokenWarning(phaseMs: number, remainingMs: number): WarningSeconds | null {
  const crossed = WARNING_SECONDS.filter((s) => phaseMs > s * 1000 && remainingMs <= s * 1000);
  return crossed.at(-1) ?? null;
}
