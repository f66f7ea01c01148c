import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { decideShellPolicy, type ShellPolicy } from '../../src/main/security/devtools-policy';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;
const DEBUGGER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

/** Every role in a menu template, submenus included. */
function rolesOf(menu: ShellPolicy['menu']): string[] {
  if (!Array.isArray(menu)) return [];
  return menu.flatMap((item: MenuItemConstructorOptions) => [
    ...(item.role ? [item.role] : []),
    ...rolesOf(Array.isArray(item.submenu) ? item.submenu : null),
  ]);
}

describe('decideShellPolicy', () => {
  it.each(PLATFORMS)("keeps Electron's menu and DevTools in development on %s, with or without the switch", (platform) => {
    for (const supportSwitch of [false, true]) {
      expect(decideShellPolicy({ packaged: false, supportSwitch, platform, debuggingSwitches: [] })).toEqual({
        devTools: true,
        menu: 'default',
        supportMode: false,
        refuseStart: null,
      });
    }
  });

  it('turns DevTools off in packaged builds, with no menu on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(decideShellPolicy({ packaged: true, supportSwitch: false, platform, debuggingSwitches: [] })).toEqual({
        devTools: false,
        menu: null,
        supportMode: false,
        refuseStart: null,
      });
    }
  });

  it('gives packaged macOS an app menu (Quit) and Edit (copy, paste), and nothing that opens DevTools or reloads', () => {
    const policy = decideShellPolicy({ packaged: true, supportSwitch: false, platform: 'darwin', debuggingSwitches: [] });
    expect(policy.devTools).toBe(false);
    expect(policy.supportMode).toBe(false);
    expect(rolesOf(policy.menu)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'cut', 'selectAll', 'undo']));
    expect(rolesOf(policy.menu).filter((role) => DEBUGGER_ROLES.includes(role))).toEqual([]);
  });

  it.each(PLATFORMS)('turns DevTools back on with --support-devtools on %s, as support mode with a menu to open them', (platform) => {
    const policy = decideShellPolicy({ packaged: true, supportSwitch: true, platform, debuggingSwitches: ['remote-debugging-port'] });
    expect(policy).toMatchObject({ devTools: true, supportMode: true, refuseStart: null });
    expect(rolesOf(policy.menu)).toContain('toggleDevTools');
    expect(rolesOf(policy.menu).includes('quit')).toBe(platform === 'darwin');
  });

  it('refuses to start a packaged app with a remote debugging switch unless in support mode', () => {
    for (const platform of PLATFORMS) {
      const policy = decideShellPolicy({ packaged: true, supportSwitch: false, platform, debuggingSwitches: ['remote-debugging-port'] });
      expect(policy.refuseStart).toBe(
        'Interview Recorder does not start with --remote-debugging-port: it would let another program control the interview. ' +
          'Support staff start it with --support-devtools instead (see docs/troubleshooting.md).',
      );
      expect(policy.devTools).toBe(false);
    }
    const dev = decideShellPolicy({
      packaged: false,
      supportSwitch: false,
      platform: 'linux',
      debuggingSwitches: ['remote-debugging-pipe'],
    });
    expect(dev.refuseStart).toBeNull();
  });
});
