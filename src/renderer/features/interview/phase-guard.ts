/** How long after a phase begins its buttons ignore clicks: longer than a double-click, shorter than a decision. */
export const PHASE_GUARD_MS = 800;

/**
 * Whether the buttons of a phase (or a dialog) that began at `startedAt` take clicks at `now` (both on the
 * performance.now() clock), so the second click of a double-click never acts on the button that replaced the
 * one just pressed.
 */
export const phaseGuardOpen = (startedAt: number, now: number, guardMs = PHASE_GUARD_MS): boolean => now - startedAt >= guardMs;
