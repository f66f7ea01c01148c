import type { Config } from '../../../shared/config/schema';
import type { UpdateState } from '../../../shared/domain/updates';
import type { Logger } from '../logging/logger';

/**
 * The app's own updates, as the core sees them. The Electron shell supplies the real one (src/main/updates); the
 * browser host, the CLI and tests a disabled one, so the core never imports electron or electron-updater.
 */
export interface Updates {
  state(): UpdateState;
  /** Asks the update server now; the state after it started (events follow). */
  check(): Promise<UpdateState>;
  /** Downloads the update on offer (`manual` mode); anything else leaves the state as it is. */
  download(): Promise<UpdateState>;
  /** Quits and installs a downloaded update; anything else leaves the state as it is. */
  install(): UpdateState;
  onState(listener: (state: UpdateState) => void): () => void;
  /** First check and the periodic ones (the app's main process, once its window is up). */
  start(): void;
  stop(): void;
}

/** Builds the updates from the settings in force (IT's `update.mode` and `update.url`). */
export type UpdatesFactory = (settings: Config['update'], logger: Logger) => Updates;

/** Updates that never happen, and say why (`getUpdateState` answers `disabled` with the reason). */
export function disabledUpdates(reason: string, mode: Config['update']['mode'] = 'none'): Updates {
  const state: UpdateState = { state: 'disabled', mode, reason };
  return {
    state: () => state,
    check: () => Promise.resolve(state),
    download: () => Promise.resolve(state),
    install: () => state,
    onState: () => () => undefined,
    start: () => undefined,
    stop: () => undefined,
  };
}

/** The core's updates: the host's, or disabled; each state goes to `emit` (the core's `updateState` event). */
export function connectUpdates(
  factory: UpdatesFactory | undefined,
  settings: Config['update'],
  logger: Logger,
  emit: (state: UpdateState) => void,
): Updates {
  const updates = factory
    ? factory(settings, logger.child('updates'))
    : disabledUpdates('this process does not update itself', settings.mode);
  updates.onState(emit);
  return updates;
}

/**
 * Never restarts into an update while something is being recorded (the UI offers it only on the home screen; this
 * keeps any other caller from ending a recording): `install` then leaves the state as it is.
 */
export function refuseInstallWhileRecording(updates: Updates, isRecording: () => boolean): Updates {
  return { ...updates, install: () => (isRecording() ? updates.state() : updates.install()) };
}
