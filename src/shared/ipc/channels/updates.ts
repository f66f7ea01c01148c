import { z } from 'zod';
import { updateStateSchema } from '../../domain/updates';

/**
 * The app's own updates, under IT's `update.mode` and `update.url` (docs/updates.md). Each answers the state after
 * the call; what follows (progress, downloaded) arrives as `updateState` events.
 */
export const updatesChannels = {
  getUpdateState: { request: z.undefined(), response: updateStateSchema },
  checkForUpdates: { request: z.undefined(), response: updateStateSchema },
  /** `manual` mode: the user asked to download the update on offer. */
  downloadUpdate: { request: z.undefined(), response: updateStateSchema },
  /** Quits and installs a downloaded update (the app restarts); does nothing in any other state. */
  installUpdate: { request: z.undefined(), response: updateStateSchema },
} as const;
