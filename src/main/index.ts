import { app, BrowserWindow } from 'electron';
import { startApp } from './app';
import { cliArguments, runCliInElectron } from './cli-mode';
import { resolveAppPaths } from '../core/platform/paths';
import { settingsBeforeReady, usesNativeCalls } from './platform/native-calls';
import { receiveInterviewLinks } from './platform/interview-links';
import { registerAppScheme } from './protocol/app-protocol';
import { currentShellPolicy, refuseStart } from './security/shell-policy';

// Lifecycle only. A second launch focuses the running instance instead of opening the catalog twice, and hands it
// the interview link it was started with, if any.
// Every renderer, including any created later, sandboxed whatever its webPreferences say — unless Agora's native SDK
// is configured (Windows, macOS): its call window needs Node (windows/native-call-window.ts). Every window sets
// `sandbox` itself either way; only that one sets it false.
const cliArgs = cliArguments(process.argv); // `<app> --cli doctor`: a command, headless (cli-mode.ts)
const paths = resolveAppPaths({ platform: process.platform, env: process.env, homeDir: app.getPath('home') });
if (!usesNativeCalls(process.platform, settingsBeforeReady(paths, process.env))) app.enableSandbox();
const policy = currentShellPolicy(); // DevTools and menu: packaged or not, --support-devtools
if (cliArgs) {
  void runCliInElectron(cliArgs);
} else if (policy.refuseStart) {
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
