import { BrowserWindow } from 'electron';
import { APP_ORIGIN, PRODUCT_NAME } from '../../shared/product';
import { guardNavigation } from '../security/install-guards';

/**
 * The interview window. Its webPreferences are fixed here and nowhere else: sandboxed, isolated, no Node,
 * and never throttled in the background, because recording must continue while it is hidden or minimised.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
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
    },
  });
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
