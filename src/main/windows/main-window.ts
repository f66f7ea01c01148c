import { BrowserWindow } from 'electron';
import { APP_ORIGIN, PRODUCT_NAME } from '../../shared/product';
import type { ExternalLinks } from '../../core/security/external-links';
import { guardNavigation } from '../security/install-guards';

/**
 * The interview window. Its webPreferences are fixed here and nowhere else: sandboxed, isolated, no Node,
 * and never throttled in the background, because recording must continue while it is hidden or minimised.
 */
export function createMainWindow(preloadPath: string, externalLinks: () => ExternalLinks, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: false,
      backgroundThrottling: false,
      // Off in packaged builds (security/devtools-policy.ts): openDevTools() and every shortcut to it then do nothing.
      devTools,
      // A middle click opens links through a path of its own; the app has no use for it (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardNavigation(window.webContents, externalLinks);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
