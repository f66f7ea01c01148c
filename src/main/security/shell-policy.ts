import { app, dialog, Menu } from 'electron';
import { PRODUCT_NAME } from '../../shared/product';
import { DEBUGGING_SWITCHES, decideShellPolicy, SUPPORT_DEVTOOLS_FLAG, type ShellPolicy } from './devtools-policy';

/** This run's policy, from whether the app is packaged, its flags and its Chromium switches. */
export function currentShellPolicy(): ShellPolicy {
  return decideShellPolicy({
    packaged: app.isPackaged,
    supportSwitch: process.argv.includes(SUPPORT_DEVTOOLS_FLAG),
    platform: process.platform,
    debuggingSwitches: DEBUGGING_SWITCHES.filter((name) => app.commandLine.hasSwitch(name)),
  });
}

/** Says why and ends the process (a packaged app started with a debugging switch). */
export function refuseStart(reason: string): void {
  console.error(reason);
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, reason); // safe before `ready`
  app.exit(1);
}

/** The application menu the policy asks for; `default` leaves Electron's own (development). */
export function applyMenu(policy: ShellPolicy): void {
  if (policy.menu === 'default') return;
  Menu.setApplicationMenu(policy.menu && Menu.buildFromTemplate(policy.menu));
}
