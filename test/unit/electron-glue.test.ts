import { beforeEach, describe, expect, it, vi } from 'vitest';

// A unit test of the translation from Electron's event shapes to the pure checks, with electron replaced:
// the checks themselves are tested in permissions.test.ts, navigation.test.ts and dispatcher.test.ts.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  requestHandler: undefined as undefined | ((...args: unknown[]) => void),
  checkHandler: undefined as undefined | ((...args: unknown[]) => boolean),
}));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => electron.handlers.set(channel, fn) },
  shell: { openExternal: vi.fn() },
}));

import { registerIpc } from '../../src/main/ipc/register-electron';
import { shell } from 'electron';
import type { ExternalLinks } from '../../src/core/security/external-links';
import { guardNavigation, guardPermissions } from '../../src/main/security/install-guards';
import { channelNames, ipcChannel } from '../../src/shared/ipc/contract';

const APP = 'app://interview-recorder';

describe('registerIpc', () => {
  beforeEach(() => electron.handlers.clear());

  it('registers every contract channel and reports the real sender frame', async () => {
    const seen: unknown[] = [];
    registerIpc(async (channel, payload, sender) => {
      seen.push({ channel, payload, sender });
      return { ok: true, value: null };
    });
    expect([...electron.handlers.keys()].sort()).toEqual(channelNames.map(ipcChannel).sort());

    const mainFrame = { origin: APP };
    const child = { origin: 'https://ads.example' };
    const handler = electron.handlers.get(ipcChannel('listRecordings'))!;
    await handler({ senderFrame: mainFrame, sender: { mainFrame } }, { limit: 1 });
    await handler({ senderFrame: child, sender: { mainFrame } }, {});
    await handler({ senderFrame: null, sender: { mainFrame } }, {});
    expect(seen).toEqual([
      { channel: 'listRecordings', payload: { limit: 1 }, sender: { origin: APP, isMainFrame: true } },
      { channel: 'listRecordings', payload: {}, sender: { origin: 'https://ads.example', isMainFrame: false } },
      { channel: 'listRecordings', payload: {}, sender: { origin: null, isMainFrame: false } },
    ]);
  });
});

describe('guardPermissions', () => {
  const session = {
    setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (electron.requestHandler = fn),
    setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => (electron.checkHandler = fn),
  };

  const request = (permission: string, details: Record<string, unknown>) => {
    let granted: boolean | undefined;
    electron.requestHandler!({}, permission, (answer: boolean) => (granted = answer), details);
    return granted;
  };

  it('answers permission requests from Electron details', () => {
    guardPermissions(session as never, APP);
    expect(request('media', { requestingUrl: `${APP}/index.html`, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(request('media', { requestingUrl: `${APP}/index.html`, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    expect(request('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(request('notifications', { requestingUrl: `${APP}/index.html`, isMainFrame: true })).toBe(false);
  });

  it('answers permission checks, which name one media type or none', () => {
    guardPermissions(session as never, APP);
    const check = (permission: string, origin: string, details: Record<string, unknown>) =>
      electron.checkHandler!({}, permission, origin, details);
    expect(check('media', APP, { isMainFrame: true, mediaType: 'video', requestingUrl: `${APP}/index.html` })).toBe(true);
    expect(check('media', APP, { isMainFrame: true, mediaType: 'unknown' })).toBe(true);
    expect(check('media', 'https://evil.example', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(check('hid', APP, { isMainFrame: true })).toBe(false);
  });
});

describe('guardNavigation', () => {
  it('opens outside the app only what the allowlist of the moment allows, and never a new window', () => {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let openHandler: (details: { url: string }) => unknown = () => undefined;
    const contents = {
      on: (name: string, listener: (event: { url: string; preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      getURL: () => `${APP}/index.html`,
    };
    let links: ExternalLinks = { httpsHosts: [], contactLinks: [] };
    guardNavigation(contents as never, () => links);

    expect(openHandler({ url: 'https://help.example/camera' })).toEqual({ action: 'deny' });
    links = { httpsHosts: ['help.example'], contactLinks: [] };
    expect(openHandler({ url: 'https://help.example/camera' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    listeners.get('will-navigate')!({ url: 'https://evil.example/', preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://help.example/camera']]);
  });
});
