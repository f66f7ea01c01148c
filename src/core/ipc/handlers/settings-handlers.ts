import type { Core } from '../../create-core';
import { settingsView } from '../../services/config/settings-view';
import type { HandlerTable } from '../dispatcher';

/** The settings as loaded at start: what the running services use (a policy changed since applies at the next start). */
export function settingsHandlers(core: Core): Pick<HandlerTable, 'getSettings'> {
  return {
    getSettings: () => settingsView(core.config),
  };
}
