import type { MessageValues } from '../../../shared/i18n/messages';
import type { DeviceMessageKey } from './device-messages';

export type Platform = 'mac' | 'windows' | 'linux';
/** Electron grants camera and microphone to the app itself, so there a refusal comes from the OS (or a policy). */
export type Runtime = 'electron' | 'browser';
export type PermissionStatus = PermissionState | 'unknown';

export function currentPlatform(userAgent = navigator.userAgent): Platform {
  if (/Mac OS X|Macintosh/.test(userAgent)) return 'mac';
  if (/Windows/.test(userAgent)) return 'windows';
  return 'linux';
}

export const currentRuntime = (userAgent = navigator.userAgent): Runtime => (userAgent.includes('Electron') ? 'electron' : 'browser');

/** What getUserMedia threw, with the browser's own permission states read right after. */
export interface MediaFailure {
  name: string;
  message: string;
  camera: PermissionStatus;
  microphone: PermissionStatus;
}

/** Who or what kept the camera and microphone from us. */
export type Cause = 'browser' | 'app' | 'os' | 'dismissed' | 'no-device' | 'busy' | 'unknown';

export interface Diagnosis {
  cause: Cause;
  /** Which one the browser blocks, when its permission states tell. */
  device: 'camera' | 'microphone' | 'both';
  platform: Platform;
  runtime: Runtime;
}

function blockedDevice(failure: MediaFailure): Diagnosis['device'] {
  if (failure.camera === 'denied' && failure.microphone !== 'denied') return 'camera';
  if (failure.microphone === 'denied' && failure.camera !== 'denied') return 'microphone';
  return 'both';
}

function refusalCause(failure: MediaFailure, runtime: Runtime): Cause {
  // Chromium says "Permission denied by system" when the OS (macOS privacy, Windows settings) refused.
  if (/by system/i.test(failure.message)) return 'os';
  const deniedHere = failure.camera === 'denied' || failure.microphone === 'denied';
  if (runtime === 'electron') return deniedHere ? 'app' : 'os';
  if (deniedHere) return 'browser';
  if (/dismiss/i.test(failure.message)) return 'dismissed';
  // The browser would allow it (granted, or it has not decided), yet access was refused: the OS did it.
  return 'os';
}

/** Names the blocker: the browser's (or Electron's) permission, the OS, no device, or a device in use. */
export function diagnose(failure: MediaFailure, platform: Platform, runtime: Runtime): Diagnosis {
  const at = { platform, runtime, device: blockedDevice(failure) };
  switch (failure.name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return { ...at, cause: refusalCause(failure, runtime) };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return { ...at, cause: 'no-device' };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { ...at, cause: 'busy' };
    default:
      return { ...at, cause: 'unknown' };
  }
}

const TITLES: Record<Cause, DeviceMessageKey> = {
  browser: 'titleBrowser',
  app: 'titleApp',
  os: 'titleOs',
  dismissed: 'titleDismissed',
  'no-device': 'titleNoDevice',
  busy: 'titleBusy',
  unknown: 'titleUnknown',
};

const OS_ADVICE: Record<Platform, DeviceMessageKey> = { mac: 'adviceOsMac', windows: 'adviceOsWindows', linux: 'adviceOsLinux' };

const ADVICE: Record<Exclude<Cause, 'os'>, DeviceMessageKey> = {
  browser: 'adviceBrowser',
  app: 'adviceApp',
  dismissed: 'adviceDismissed',
  'no-device': 'adviceNoDevice',
  busy: 'adviceBusy',
  unknown: 'adviceUnknown',
};

/** The explanation to show: message keys of the device table and the values they take. */
export function explain(diagnosis: Diagnosis): { title: DeviceMessageKey; advice: DeviceMessageKey; values: MessageValues } {
  const { cause, device, platform, runtime } = diagnosis;
  return {
    title: TITLES[cause],
    advice: cause === 'os' ? OS_ADVICE[platform] : ADVICE[cause],
    values: { device, platform, runtime },
  };
}

export const sameDiagnosis = (a: Diagnosis | null, b: Diagnosis): boolean => a?.cause === b.cause && a.device === b.device;

async function permissionState(name: 'camera' | 'microphone'): Promise<PermissionStatus> {
  try {
    return (await navigator.permissions.query({ name: name as PermissionName })).state;
  } catch {
    return 'unknown'; // a browser that cannot be asked about this permission
  }
}

/** Reads the browser's permission states for `error` and diagnoses it on this computer. */
export async function diagnoseMediaError(error: unknown): Promise<Diagnosis> {
  const { name = '', message = '' } = (error ?? {}) as { name?: string; message?: string };
  const [camera, microphone] = await Promise.all([permissionState('camera'), permissionState('microphone')]);
  return diagnose({ name, message, camera, microphone }, currentPlatform(), currentRuntime());
}
