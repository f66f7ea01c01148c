import { createRequire } from 'node:module';
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateState } from '../../shared/domain/updates';
import type { Logger } from '../../core/services/logging/logger';
import { decideUpdates, type UpdateDecision } from '../../core/services/updates/update-gate';
import { disabledUpdates, type Updates, type UpdatesFactory } from '../../core/services/updates/updates';
import { detectInstallType, windowsPublisherKnown } from './install-type';

/** The part of electron-updater's `autoUpdater` the app uses. */
export type AutoUpdater = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'setFeedURL' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'on'
>;

export interface UpdaterEnvironment {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** `process.resourcesPath`: where the install-type, package-type and app-update.yml files are. */
  resourcesPath: string;
  env: Readonly<Record<string, string | undefined>>;
  /** electron-updater's `autoUpdater`, loaded only once the gate allows a check (tests give a stand-in). */
  loadAutoUpdater?: () => Promise<AutoUpdater>;
  /** Runs `check` every `ms`; returns its stop. */
  every?: (ms: number, check: () => void) => () => void;
}

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * `require`, not `import()`: electron-updater is CommonJS whose `autoUpdater` is a getter that Node's ESM interop
 * does not expose as a named export, and Electron's require reads app.asar.
 */
const loadElectronUpdater = async (): Promise<AutoUpdater> =>
  (createRequire(import.meta.url)('electron-updater') as { autoUpdater: AppUpdater }).autoUpdater;

const everyUnref = (ms: number, check: () => void) => {
  const timer = setInterval(check, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** The first line of an updater error: its HTTP errors go on with headers and advice that mean nothing to a person. */
const plainError = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n', 1)[0]!.trim().slice(0, 300) || 'unknown error';

/**
 * The Electron shell's updates: decides with the gate (src/core/services/updates/update-gate.ts), and only when it
 * allows a check loads electron-updater, points it at IT's server (generic provider) and follows its events.
 *
 * What is verified before an update installs: electron-updater always checks the sha512 that the server's
 * latest*.yml gives for the file; on Windows also the installer's Authenticode signature against the publisher
 * named in app-update.yml (the default `verifyUpdateCodeSignature`, never replaced here); on macOS Squirrel.Mac
 * installs only an update signed like the running app. On Linux the sha512, fetched over https, is the check.
 */
export function electronUpdates(environment: UpdaterEnvironment): UpdatesFactory {
  return (settings, logger) => {
    const { platform, resourcesPath } = environment;
    const decision = decideUpdates({
      mode: settings.mode,
      url: settings.url,
      isPackaged: environment.isPackaged,
      installType: detectInstallType(environment),
      platform,
      windowsPublisherKnown: platform === 'win32' && windowsPublisherKnown(resourcesPath),
    });
    logger.info('Updates', { check: decision.check, reason: decision.reason });
    if (!decision.check || !settings.url) return disabledUpdates(decision.reason, settings.mode);
    return liveUpdates(settings.mode, settings.url, decision, logger, environment);
  };
}

/** The current state and who hears it; every state carries the mode, so the UI knows whether it installs on quit. */
function stateCell(mode: UpdateState['mode'], logger: Logger) {
  let state: UpdateState = { state: 'idle', mode };
  const listeners = new Set<(state: UpdateState) => void>();
  const set = (next: Omit<UpdateState, 'mode'>) => {
    state = { mode, ...next };
    for (const listener of listeners) listener(state);
  };
  return {
    get: () => state,
    set,
    fail: (error: unknown) => {
      logger.warn('Update failed', { error });
      set({ state: 'error', version: state.version, reason: plainError(error) });
    },
    listen: (listener: (state: UpdateState) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
type StateCell = ReturnType<typeof stateCell>;

/** Points electron-updater at IT's server with the gate's decision and turns its events into states. */
function configure(autoUpdater: AutoUpdater, url: string, decision: UpdateDecision, logger: Logger, cell: StateCell) {
  autoUpdater.logger = { info: (m) => logger.debug(String(m)), warn: (m) => logger.warn(String(m)), error: (m) => logger.warn(String(m)) };
  autoUpdater.autoDownload = decision.autoDownload;
  // Manual mode installs only when the person says so; auto installs what it downloaded when the app quits.
  autoUpdater.autoInstallOnAppQuit = decision.autoDownload;
  autoUpdater.setFeedURL({ provider: 'generic', url });
  autoUpdater.on('checking-for-update', () => cell.get().state !== 'checking' && cell.set({ state: 'checking' }));
  autoUpdater.on('update-available', ({ version }: UpdateInfo) =>
    cell.set(decision.autoDownload ? { state: 'downloading', version, percent: 0 } : { state: 'available', version }),
  );
  autoUpdater.on('update-not-available', () => cell.set({ state: 'not-available' }));
  autoUpdater.on('download-progress', ({ percent, bytesPerSecond }: ProgressInfo) =>
    cell.set({
      state: 'downloading',
      version: cell.get().version,
      percent: Math.min(100, Math.max(0, percent)),
      bytesPerSecond: Math.max(0, bytesPerSecond),
    }),
  );
  autoUpdater.on('update-downloaded', ({ version }: UpdateInfo) => cell.set({ state: 'downloaded', version }));
  autoUpdater.on('error', cell.fail);
}

function liveUpdates(
  mode: UpdateState['mode'],
  url: string,
  decision: UpdateDecision,
  logger: Logger,
  { loadAutoUpdater = loadElectronUpdater, every = everyUnref }: UpdaterEnvironment,
): Updates {
  const cell = stateCell(mode, logger);
  let loaded: AutoUpdater | undefined;
  let loading: Promise<AutoUpdater> | undefined;
  const updater = () =>
    (loading ??= loadAutoUpdater().then((autoUpdater) => {
      configure(autoUpdater, url, decision, logger, cell);
      return (loaded = autoUpdater);
    }));
  const busy = () => ['checking', 'downloading', 'downloaded'].includes(cell.get().state);
  let stopTimer: (() => void) | undefined;

  const updates: Updates = {
    state: cell.get,
    async check() {
      if (busy()) return cell.get();
      cell.set({ state: 'checking' });
      try {
        await (await updater()).checkForUpdates();
      } catch (error) {
        cell.fail(error);
      }
      return cell.get();
    },
    async download() {
      const { state, version } = cell.get();
      if (state !== 'available' || !loaded) return cell.get();
      cell.set({ state: 'downloading', version, percent: 0 });
      try {
        await loaded.downloadUpdate();
      } catch (error) {
        cell.fail(error);
      }
      return cell.get();
    },
    install() {
      const { state, version } = cell.get();
      if (state !== 'downloaded' || !loaded) return cell.get();
      logger.info('Restarting to install the update', { version });
      // Silent: the person already chose to restart; force-run: the app comes back after the installer.
      loaded.quitAndInstall(true, true);
      return cell.get();
    },
    onState: cell.listen,
    start() {
      if (stopTimer) return;
      stopTimer = every(CHECK_EVERY_MS, () => void updates.check());
      void updates.check();
    },
    stop() {
      stopTimer?.();
      stopTimer = undefined;
    },
  };
  return updates;
}
