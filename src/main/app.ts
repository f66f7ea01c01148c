import { app, dialog, ipcMain, Notification, powerSaveBlocker, session, type Session } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from '../shared/product';
import { createCore, type Core } from '../core/create-core';
import { createDispatcher } from '../core/ipc/dispatcher';
import { createHandlerTable } from '../core/ipc/handlers';
import { forwardEvents, registerIpc } from './ipc/register-electron';
import { createNativeCallBridge } from './ipc/native-call-bridge';
import { usesNativeCalls } from './platform/native-calls';
import { createNativeCallWindow, prepareNativeCallSession } from './windows/native-call-window';
import { extraTimeArgument, scriptFileArgument } from './platform/argv';
import { electronCorePorts } from './electron-ports';
import { electronUpdates } from './updates/updater';
import { serveRenderer } from './protocol/app-protocol';
import { securityHeadersFor } from '../core/security/csp';
import { localMediaReply } from '../core/services/review/local-media';
import { externalLinks } from '../core/security/external-links';
import { guardPermissions } from './security/install-guards';
import type { ShellPolicy } from './security/devtools-policy';
import { applyMenu } from './security/shell-policy';
import { markSupportMode } from './security/support-mode';
import { guardInterviewWindow } from './windows/interview-window-guards';
import { createMainWindow } from './windows/main-window';

/** Agora's native SDK in its own window (calls.agoraSdk: native): the bridge that opens one per call. */
function startNativeCalls(core: Core, devTools: boolean) {
  let callSession: Session | undefined;
  return createNativeCallBridge({
    ipcMain,
    openWindow: () =>
      createNativeCallWindow((callSession ??= prepareNativeCallSession(path.join(__dirname, '..', 'native-call'))), devTools),
    tokens: (request) => core.callTokens.get(request),
    appId: () => core.config.config.backends.agora.appId,
    report: (message) => core.events.emit('nativeCallReport', message),
    redact: (text) => core.redact(text),
    warn: (message, fields) => core.logger.warn(message, fields),
  });
}

/** Electron's composition root: services from `createCore`, then protocol, guards, IPC, menu and the window. */
export function startApp(policy: ShellPolicy): Core {
  const core = createCore({
    ...electronCorePorts(),
    scriptFile: scriptFileArgument(process.argv),
    extraTime: extraTimeArgument(process.argv),
    keepAwake: {
      start: () => {
        const id = powerSaveBlocker.start('prevent-display-sleep');
        return () => powerSaveBlocker.stop(id);
      },
    },
    notify: (title, body) => Notification.isSupported() && new Notification({ title, body }).show(),
    // The window's app only: the CLI mode (cli-mode.ts) never updates.
    updates: electronUpdates({
      isPackaged: app.isPackaged,
      platform: process.platform,
      resourcesPath: process.resourcesPath,
      env: process.env,
    }),
  });
  if (core.status.state === 'degraded') dialog.showErrorBox('Interview Recorder cannot open its catalog', core.status.reason);
  core.logger.info('App starting', { version: core.version, electron: process.versions.electron });

  serveRenderer(path.join(__dirname, '..', 'renderer'), securityHeadersFor(core.config.config), (pathname, range, head) =>
    localMediaReply(core.review, pathname, range, head),
  );
  guardPermissions(session.defaultSession, APP_ORIGIN);
  const nativeCalls = usesNativeCalls(process.platform, core.config.config) ? startNativeCalls(core, policy.devTools) : undefined;
  const handlers = createHandlerTable(core);
  registerIpc(
    createDispatcher({
      handlers: nativeCalls ? { ...handlers, nativeCall: nativeCalls.command } : handlers,
      trustedOrigins: [APP_ORIGIN],
      onInternalError: (channel, error) => core.logger.error('IPC handler failed', { channel, error }),
      redact: core.redact,
    }),
  );
  const window = createMainWindow(
    path.join(__dirname, '..', 'preload', 'index.cjs'),
    () => externalLinks(core.config.config, core.interview.ok ? core.interview.script : undefined),
    policy.devTools,
  );
  applyMenu(policy);
  if (policy.supportMode) markSupportMode(window, core);
  forwardEvents(core.events, window.webContents);
  window.on('closed', () => nativeCalls?.close());
  guardInterviewWindow(window, core);
  core.pipeline.appStarted();
  core.updates.start(); // at start and every 6 hours, as IT's update.mode allows (updates/updater.ts)
  core.watchPolicies(); // a changed IT policy is logged; it applies at the next start (core.close stops the watch)
  // Close open segment files and the catalog before the process goes; everything acknowledged is durable already.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  return core;
}
