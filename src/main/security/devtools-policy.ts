import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../../shared/product';

/** The launch flag that turns DevTools back on in a packaged app, for support (docs/security.md). */
export const SUPPORT_DEVTOOLS_FLAG = '--support-devtools';

/**
 * Chromium switches that open the renderer to a debugger from outside (the Chrome DevTools Protocol can run any
 * script in the page, `window.api` included). The fuses only close Node's `--inspect`; these are refused here.
 */
export const DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

export interface ShellInput {
  packaged: boolean;
  /** `--support-devtools` was given. */
  supportSwitch: boolean;
  platform: NodeJS.Platform;
  /** Which of DEBUGGING_SWITCHES the process was started with. */
  debuggingSwitches: readonly string[];
}

export interface ShellPolicy {
  /** webPreferences.devTools: false makes openDevTools() and every shortcut to it do nothing. */
  devTools: boolean;
  /** `default`: leave Electron's menu (development); null: no menu and no accelerators; else this template. */
  menu: 'default' | MenuItemConstructorOptions[] | null;
  /** DevTools on in a packaged app: logged, shown in the title and recorded with every recording. */
  supportMode: boolean;
  /** Why the app must not start (a debugging switch without the support flag), or null. */
  refuseStart: string | null;
}

// macOS routes copy, paste and quit through the application menu: without these items their shortcuts do nothing.
const MAC_APP_MENU: MenuItemConstructorOptions = {
  label: PRODUCT_NAME,
  submenu: [
    { role: 'about' },
    { type: 'separator' },
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    { type: 'separator' },
    { role: 'quit' },
  ],
};
const MAC_EDIT_MENU: MenuItemConstructorOptions = {
  label: 'Edit',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ],
};
const SUPPORT_MENU: MenuItemConstructorOptions = { label: 'Support', submenu: [{ role: 'toggleDevTools' }] };

/**
 * What the shell allows: development runs keep Electron's menu and DevTools; a packaged app has no DevTools, no
 * reload and only the menu the platform needs, unless started with the support flag, which is never silent.
 */
export function decideShellPolicy(input: ShellInput): ShellPolicy {
  if (!input.packaged) return { devTools: true, menu: 'default', supportMode: false, refuseStart: null };
  const base = input.platform === 'darwin' ? [MAC_APP_MENU, MAC_EDIT_MENU] : [];
  if (input.supportSwitch) return { devTools: true, menu: [...base, SUPPORT_MENU], supportMode: true, refuseStart: null };
  const refuseStart =
    input.debuggingSwitches.length > 0
      ? `${PRODUCT_NAME} does not start with --${input.debuggingSwitches.join(', --')}: it would let another program control the interview. ` +
        `Support staff start it with ${SUPPORT_DEVTOOLS_FLAG} instead (see docs/troubleshooting.md).`
      : null;
  return { devTools: false, menu: base.length > 0 ? base : null, supportMode: false, refuseStart };
}
