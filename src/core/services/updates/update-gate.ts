import type { Config } from '../../../shared/config/schema';

/** How this copy of the app was installed: decides whether it may replace itself (docs/updates.md). */
export const installTypes = ['msi', 'nsis', 'deb', 'rpm', 'appimage', 'dmg', 'unknown'] as const;
export type InstallType = (typeof installTypes)[number];

export interface UpdateGateInput {
  mode: Config['update']['mode'];
  url: string | undefined;
  isPackaged: boolean;
  installType: InstallType;
  platform: string;
  /**
   * Windows only: the installed app names the publisher (app-update.yml's `publisherName`, from the signing
   * certificate) whose Authenticode signature a downloaded installer must carry. Without it electron-updater would
   * install an unsigned download, so the app does not update at all.
   */
  windowsPublisherKnown: boolean;
}

export interface UpdateDecision {
  /** Ask the update server for a new version. */
  check: boolean;
  /** Download a new version without asking (mode `auto`). */
  autoDownload: boolean;
  /** Why not, in words for the person at the computer and for IT; what is allowed otherwise. */
  reason: string;
}

const never = (reason: string): UpdateDecision => ({ check: false, autoDownload: false, reason });

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http to this computer only (a test update server): an update over plain http could be swapped on the way. */
function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'update.url is not a URL';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && (LOOPBACK_HOSTS.has(parsed.hostname) || parsed.hostname.startsWith('127.'))) return null;
  return 'update.url must be https';
}

/**
 * Whether this app may look for, download and install its own updates. An MSI install never does, whatever the
 * mode: IT deploys its updates, and an NSIS update over it would leave two installs. Pure, so every case is a test.
 */
export function decideUpdates(input: UpdateGateInput): UpdateDecision {
  if (input.installType === 'msi') return never('Updates are managed by your organization (MSI install)');
  if (input.mode === 'none') return never('update.mode is none');
  if (!input.isPackaged) return never('development build');
  if (!input.url) return never('no update.url configured');
  const problem = urlProblem(input.url);
  if (problem) return never(problem);
  if (input.installType === 'unknown') return never('this installation cannot update itself (unknown package type)');
  if (input.platform === 'win32' && !input.windowsPublisherKnown) {
    return never('the installer names no signing publisher, so an update could not be verified');
  }
  const auto = input.mode === 'auto';
  return { check: true, autoDownload: auto, reason: auto ? 'update.mode is auto' : 'update.mode is manual' };
}
