import fs from 'node:fs';
import path from 'node:path';
import type { InstallType } from '../../core/services/updates/update-gate';

type ReadText = (file: string) => string | null;

const readText: ReadText = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/**
 * The MSI installer leaves `resources/install-type` containing `msi` beside app.asar (docs/updates.md). The one
 * place that knows the marker, so it can change without touching the rest.
 */
export function isMsiInstall(resourcesPath: string, read: ReadText = readText): boolean {
  return read(path.join(resourcesPath, 'install-type'))?.trim() === 'msi';
}

/**
 * How this copy was installed. deb and rpm are known by electron-builder's `resources/package-type` (the same file
 * electron-updater reads to choose its Linux updater), an AppImage by the `APPIMAGE` variable its runtime sets.
 */
export function detectInstallType(
  input: { platform: string; resourcesPath: string; env: Readonly<Record<string, string | undefined>> },
  read: ReadText = readText,
): InstallType {
  if (isMsiInstall(input.resourcesPath, read)) return 'msi';
  if (input.platform === 'win32') return 'nsis';
  if (input.platform === 'darwin') return 'dmg';
  if (input.platform !== 'linux') return 'unknown';
  if (input.env.APPIMAGE) return 'appimage';
  const packageType = read(path.join(input.resourcesPath, 'package-type'))?.trim();
  return packageType === 'deb' || packageType === 'rpm' ? packageType : 'unknown';
}

/**
 * Windows: electron-updater checks a downloaded installer's Authenticode signature against `publisherName` in
 * `resources/app-update.yml` (written by electron-builder from `win.signtoolOptions.publisherName` or the signing
 * certificate) and skips the check when there is none, so the gate refuses to update without it.
 */
export function windowsPublisherKnown(resourcesPath: string, read: ReadText = readText): boolean {
  const config = read(path.join(resourcesPath, 'app-update.yml'));
  return config !== null && /^publisherName:\s*\S/m.test(config);
}
