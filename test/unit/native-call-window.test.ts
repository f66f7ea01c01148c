import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron replaced: the window keeps its options and its webContents' listeners; the session keeps its handlers;
// net.fetch reads the file the protocol handler chose, as Electron's would.
const electron = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; destroyed: boolean; webContents: unknown }>,
  partitions: [] as Array<[string, unknown]>,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), {
      openHandler: undefined as undefined | ((details: { url: string }) => unknown),
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        this.openHandler = handler;
      },
      getURL: () => 'app://native-call/index.html',
    });
    record: { options: Record<string, unknown>; loaded: string[]; destroyed: boolean; webContents: unknown };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [], destroyed: false, webContents: this.webContents };
      electron.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    showInactive() {}
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    net: {
      fetch: async (url: string) =>
        readFile(fileURLToPath(url)).then(
          (bytes) => new Response(bytes),
          () => new Response('', { status: 404 }),
        ),
    },
    protocol: { handle: vi.fn() },
    session: {
      fromPartition: (name: string, options: unknown) => {
        electron.partitions.push([name, options]);
        return {
          protocol: {
            handle: (scheme: string, handler: (request: Request) => Promise<Response>) => electron.protocolHandlers.set(scheme, handler),
          },
          setPermissionRequestHandler: (fn: (...args: unknown[]) => void) => (electron.permissionRequest = fn),
          setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => (electron.permissionCheck = fn),
        };
      },
    },
  };
});

import { shell } from 'electron';
import { NATIVE_CALL_CSP } from '../../src/core/security/csp';
import { createNativeCallWindow, prepareNativeCallSession } from '../../src/main/windows/native-call-window';
import { tempDir } from '../support/temp-dir';

type Contents = EventEmitter & { openHandler: (details: { url: string }) => unknown };

function opened() {
  const pageDir = tempDir('irec-native-call-page-');
  fs.writeFileSync(path.join(pageDir, 'index.html'), '<p>call</p>');
  fs.writeFileSync(path.join(path.dirname(pageDir), 'outside.txt'), 'not served');
  const callSession = prepareNativeCallSession(pageDir);
  const window = createNativeCallWindow(callSession as never, false);
  const record = electron.windows.at(-1)!;
  return { window, record, callSession, contents: record.webContents as Contents };
}

beforeEach(() => {
  electron.windows.length = 0;
  electron.partitions.length = 0;
  vi.mocked(shell.openExternal).mockClear();
});

describe('the native call window', () => {
  it('has exactly the webPreferences Agora’s native SDK needs and nothing more, on its own in-memory session', () => {
    const { record, callSession } = opened();
    expect(record.options.webPreferences).toEqual({
      session: callSession,
      contextIsolation: false,
      nodeIntegration: true,
      sandbox: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      backgroundThrottling: false,
      navigateOnDragDrop: false,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(record.options.webPreferences).not.toHaveProperty('preload');
    expect(electron.partitions).toEqual([['irec-native-call', { cache: false }]]);
    expect(electron.partitions[0]![0].startsWith('persist:')).toBe(false);
    expect(record.loaded).toEqual(['app://native-call/index.html']);
  });

  it('navigates nowhere and opens nothing, not even outside the app', () => {
    const { contents } = opened();
    for (const [event, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'app://interview-recorder/index.html'],
      ['will-frame-navigate', 'file:///etc/passwd'],
      ['will-redirect', 'app://native-call/other.html'],
    ]) {
      const preventDefault = vi.fn();
      contents.emit(event!, { url, preventDefault });
      expect(preventDefault, `${event} ${url}`).toHaveBeenCalled();
    }
    const attach = vi.fn();
    contents.emit('will-attach-webview', { preventDefault: attach });
    expect(attach).toHaveBeenCalled();
    expect(contents.openHandler({ url: 'https://docs.agora.io/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler({ url: 'mailto:someone@example.com' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('grants no permission: the SDK captures natively, outside Chromium’s permissions', () => {
    opened();
    let granted: boolean | undefined;
    electron.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer), {
      requestingUrl: 'app://native-call/index.html',
      isMainFrame: true,
      mediaTypes: ['video'],
    });
    expect(granted).toBe(false);
    expect(electron.permissionCheck!({}, 'media', 'app://native-call', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
  });

  it('serves its own page with the strict CSP, and nothing of another host or outside its folder', async () => {
    opened();
    const serve = electron.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://native-call/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<p>call</p>');
    expect(page.headers.get('Content-Security-Policy')).toBe(NATIVE_CALL_CSP);
    expect(NATIVE_CALL_CSP).toContain("connect-src 'none'");
    expect(NATIVE_CALL_CSP).toContain("script-src 'self'");
    expect((await serve(new Request('app://interview-recorder/index.html'))).status).toBe(404);
    for (const escape of ['app://native-call/%2e%2e/outside.txt', 'app://native-call/..%2foutside.txt']) {
      const answer = await serve(new Request(escape));
      expect(await answer.text(), escape).not.toBe('not served');
    }
  });

  it('is destroyed when its page crashes, so the bridge learns the call is gone', () => {
    const { record, contents } = opened();
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(record.destroyed).toBe(true);
  });
});
