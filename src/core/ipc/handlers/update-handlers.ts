import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

/** The app's own updates; in the browser host and the CLI they are disabled and say why. */
export function updateHandlers(core: Core): Pick<HandlerTable, 'getUpdateState' | 'checkForUpdates' | 'downloadUpdate' | 'installUpdate'> {
  return {
    getUpdateState: () => core.updates.state(),
    checkForUpdates: () => core.updates.check(),
    downloadUpdate: () => core.updates.download(),
    installUpdate: () => core.updates.install(),
  };
}
