import { z } from 'zod';

/**
 * Where the app's own update stands (docs/updates.md). `disabled` says why it never looks (IT manages updates, a
 * development build, no update server); `idle` is allowed to look but has not yet.
 */
export const updateStates = ['idle', 'checking', 'available', 'not-available', 'downloading', 'downloaded', 'error', 'disabled'] as const;
export type UpdateStateName = (typeof updateStates)[number];

export const updateStateSchema = z.object({
  state: z.enum(updateStates),
  /** `manual` asks before downloading; `auto` downloads in the background and installs on quit. */
  mode: z.enum(['none', 'manual', 'auto']),
  /** The version on offer (available, downloading, downloaded). */
  version: z.string().max(100).optional(),
  percent: z.number().min(0).max(100).optional(),
  bytesPerSecond: z.number().min(0).optional(),
  /** Why updates are disabled, or what went wrong (error). */
  reason: z.string().max(500).optional(),
});
export type UpdateState = z.infer<typeof updateStateSchema>;
