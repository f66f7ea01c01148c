/** The camera, microphone and speakers the candidate chose, remembered between interviews on this computer. */
export type DeviceKind = 'videoinput' | 'audioinput' | 'audiooutput';
export const DEVICE_KINDS: readonly DeviceKind[] = ['videoinput', 'audioinput', 'audiooutput'];

/** A device by id and label: ids change when the browser's data is cleared, labels rarely do. */
export interface RememberedDevice {
  id: string;
  label: string;
}
export type DeviceChoice = Partial<Record<DeviceKind, RememberedDevice>>;

type Listed = Pick<MediaDeviceInfo, 'kind' | 'deviceId' | 'label'>;
type Store = Pick<Storage, 'getItem' | 'setItem'>;

const STORAGE_KEY = 'irec.deviceChoice';

const isRemembered = (value: unknown): value is RememberedDevice =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RememberedDevice).id === 'string' &&
  typeof (value as RememberedDevice).label === 'string';

export function readChoice(store: Store | null = globalThis.localStorage ?? null): DeviceChoice {
  try {
    const saved = JSON.parse(store?.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    return Object.fromEntries(DEVICE_KINDS.filter((kind) => isRemembered(saved[kind])).map((kind) => [kind, saved[kind]])) as DeviceChoice;
  } catch {
    return {}; // nothing usable saved: the defaults
  }
}

export function rememberChoice(choice: DeviceChoice, store: Store | null = globalThis.localStorage ?? null): void {
  store?.setItem(STORAGE_KEY, JSON.stringify(choice));
}

export interface ResolvedChoice {
  /** The device id to ask for, per kind; none means the default. */
  ids: Partial<Record<DeviceKind, string>>;
  /** Kinds whose remembered device is not connected now (the default is used instead). */
  missing: DeviceKind[];
}

/**
 * Matches the remembered devices against those connected, by id and then by label. Before the person has
 * allowed access the browser lists devices without ids; then the remembered id is tried as it is.
 */
export function resolveChoice(choice: DeviceChoice, connected: readonly Listed[]): ResolvedChoice {
  const resolved: ResolvedChoice = { ids: {}, missing: [] };
  for (const kind of DEVICE_KINDS) {
    const wanted = choice[kind];
    if (!wanted) continue;
    const ofKind = connected.filter((device) => device.kind === kind && device.deviceId !== '');
    if (ofKind.length === 0) {
      resolved.ids[kind] = wanted.id;
      continue;
    }
    const found =
      ofKind.find((device) => device.deviceId === wanted.id) ??
      ofKind.find((device) => wanted.label !== '' && device.label === wanted.label);
    if (found) resolved.ids[kind] = found.deviceId;
    else resolved.missing.push(kind);
  }
  return resolved;
}

const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } };
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

/** What the app asks getUserMedia for: 720p video and clean speech, from the chosen devices when there are any. */
export function constraintsFor(ids: ResolvedChoice['ids'] = {}): MediaStreamConstraints {
  const exact = (id: string | undefined) => (id ? { deviceId: { exact: id } } : {});
  return { video: { ...VIDEO, ...exact(ids.videoinput) }, audio: { ...AUDIO, ...exact(ids.audioinput) } };
}

/** The speaker the candidate chose, for question playback ('' when none: the system default). */
export const chosenSpeakerId = (store: Store | null = globalThis.localStorage ?? null): string => readChoice(store).audiooutput?.id ?? '';
