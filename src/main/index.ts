import { app, BrowserWindow } from 'electron';
import { startApp } from './app';
import { registerAppScheme } from './protocol/app-protocol';

// Lifecycle only. A second launch focuses the running instance instead of opening the catalog twice.
app.enableSandbox(); // every renderer, including any created later, is sandboxed whatever its webPreferences say
if (!app.requestSingleInstanceLock()) {
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
  void app.whenReady().then(startApp);
}
