import { z } from 'zod';
import { settingsViewSchema } from '../../domain/settings';

/** The settings screen: every setting in force, where it came from, and which ones IT has locked. */
export const settingsChannels = {
  getSettings: { request: z.undefined(), response: settingsViewSchema },
} as const;
