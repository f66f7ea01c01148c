import { useId } from 'react';
import { useMessages } from '../../i18n/locale-context';
import type { DeviceKind } from './device-choice';
import { deviceMessages } from './device-messages';

interface Props {
  devices: MediaDeviceInfo[];
  /** The device in use per kind (the default's id when none was chosen). */
  active: Partial<Record<DeviceKind, string>>;
  kinds: DeviceKind[];
  onChoose(kind: DeviceKind, device: { id: string; label: string }): void;
}

const LABELS = { videoinput: 'camera', audioinput: 'microphone', audiooutput: 'speakers' } as const;

/** One picker per kind of device, listing what is connected now. */
export function DevicePickers({ devices, active, kinds, onChoose }: Props) {
  const t = useMessages(deviceMessages);
  const idBase = useId();
  return (
    <div className="device-pickers">
      {kinds.map((kind) => {
        const options = devices.filter((device) => device.kind === kind);
        if (options.length === 0) return null;
        const nameOf = (device: MediaDeviceInfo, index: number) => device.label || t('unnamedDevice', { kind, number: index + 1 });
        const id = `${idBase}-${kind}`;
        return (
          <div className="device-picker" key={kind}>
            <label htmlFor={id}>{t(LABELS[kind])}</label>
            <select
              id={id}
              value={active[kind] ?? options[0]!.deviceId}
              onChange={(event) => {
                const index = options.findIndex((device) => device.deviceId === event.target.value);
                if (index >= 0) onChoose(kind, { id: options[index]!.deviceId, label: options[index]!.label });
              }}
            >
              {options.map((device, index) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {nameOf(device, index)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
