import { app, BrowserWindow } from 'electron';
import { startApp } from './app';
import { registerAppScheme } from './protocol/app-protocol';
import { currentShellPolicy, refuseStart } from './security/shell-policy';

// Lifecycle only. A second launch focuses the running instance instead of opening the catalog twice.
app.enableSandbox(); // every renderer, including any created later, is sandboxed whatever its webPreferences say
const policy = currentShellPolicy(); // DevTools and menu: packaged or not, --support-devtools
if (policy.refuseStart) {
  refuseStart(policy.refuseStart); // before any window or catalog exists
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => startApp(policy));
}
