import { app, BrowserWindow } from 'electron';
import { startApp } from './app';
import { receiveInterviewLinks } from './platform/interview-links';
import { registerAppScheme } from './protocol/app-protocol';
import { currentShellPolicy, refuseStart } from './security/shell-policy';

// Lifecycle only. A second launch focuses the running instance instead of opening the catalog twice, and hands it
// the interview link it was started with, if any.
app.enableSandbox(); // every renderer, including any created later, is sandboxed whatever its webPreferences say
const policy = currentShellPolicy(); // DevTools and menu: packaged or not, --support-devtools
if (policy.refuseStart) {
  refuseStart(policy.refuseStart); // before any window or catalog exists
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  const links = receiveInterviewLinks(app, process.argv);
  const toTheFront = () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  };
  app.on('second-instance', toTheFront);
  app.on('open-url', toTheFront); // macOS: a clicked link reaches the running app this way
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    const core = startApp(policy);
    links.deliverTo((link) => core.links.offer(link));
  });
}
