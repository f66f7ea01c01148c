import { BrowserWindow, session, type Session } from 'electron';
import { PRODUCT_NAME } from '../../shared/product';
import { NATIVE_CALL_HOST, NATIVE_CALL_ORIGIN, NATIVE_CALL_PARTITION } from '../../shared/call/native-call-protocol';
import { NATIVE_CALL_CSP, securityHeaders } from '../../core/security/csp';
import { serveFolder } from '../protocol/app-protocol';
import { guardNavigation } from '../security/install-guards';

/** Nothing opens from the call window, not even outside the app. */
const NO_EXTERNAL_LINKS = { httpsHosts: [], contactLinks: [] };

/**
 * The call window's session, made once: in memory (no `persist:`), serving app://native-call from `pageDir` and
 * nothing else, with the call window's CSP, and granting no permission at all — the native SDK opens the camera and
 * microphone itself, outside Chromium's permission system (the OS still asks the person, once, for the app).
 */
export function prepareNativeCallSession(pageDir: string): Session {
  const callSession = session.fromPartition(NATIVE_CALL_PARTITION, { cache: false });
  serveFolder(callSession.protocol, NATIVE_CALL_HOST, pageDir, securityHeaders(NATIVE_CALL_CSP));
  callSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  callSession.setPermissionCheckHandler(() => false);
  return callSession;
}

/**
 * The window Agora's native SDK runs in (docs/security.md, "The native call window"). Its maintainers require Node
 * in the page and no context isolation, so this window — and only this one — has both; what keeps that safe is what
 * it may load: the app's own call page (app://native-call, a CSP of 'self' only, no navigation, no new windows, a
 * session of its own) and no preload or window.api. Shown small beside the interview: the other participant's video.
 */
export function createNativeCallWindow(callSession: Session, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    title: `${PRODUCT_NAME} — call`,
    width: 480,
    height: 320,
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      session: callSession,
      // Required by agora-electron-sdk, whose page code loads a native addon with require().
      contextIsolation: false,
      nodeIntegration: true,
      sandbox: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      // The call goes on while the window is behind the interview.
      backgroundThrottling: false,
      navigateOnDragDrop: false,
      devTools,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardNavigation(window.webContents, () => NO_EXTERNAL_LINKS);
  // A crashed page leaves no half-dead window: closing it tells the interview window the call dropped.
  window.webContents.on('render-process-gone', () => window.destroy());
  window.once('ready-to-show', () => window.showInactive());
  void window.loadURL(`${NATIVE_CALL_ORIGIN}/index.html`);
  return window;
}
