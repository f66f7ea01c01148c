import { app, safeStorage } from 'electron';
import path from 'node:path';
import type { CorePorts } from '../core/create-core';
import { appVersion } from '../core/platform/app-version';
import { resolveAppPaths } from '../core/platform/paths';
import { sqliteNativeBinding } from './platform/sqlite-binding';

/**
 * What the core needs from Electron, shared by the app's window and its CLI mode (`<app> --cli`): the version, the
 * per-OS paths, the OS keychain for secrets, and the binaries that a packaged app keeps outside app.asar.
 */
export function electronCorePorts(): Pick<
  CorePorts,
  'runtime' | 'version' | 'paths' | 'env' | 'secretCipher' | 'sqliteNativeBinding' | 'packagedFfmpegDir'
> {
  return {
    runtime: 'electron',
    version: app.isPackaged ? app.getVersion() : appVersion(__dirname),
    paths: resolveAppPaths({ platform: process.platform, env: process.env, homeDir: app.getPath('home') }),
    env: process.env,
    secretCipher: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      encryptString: (text) => safeStorage.encryptString(text),
      decryptString: (bytes) => safeStorage.decryptString(bytes),
      getSelectedStorageBackend: process.platform === 'linux' ? () => safeStorage.getSelectedStorageBackend() : undefined,
    },
    sqliteNativeBinding: sqliteNativeBinding(),
    packagedFfmpegDir: app.isPackaged ? path.join(process.resourcesPath, 'app.asar.unpacked', 'node_modules', 'ffmpeg-static') : undefined,
  };
}
