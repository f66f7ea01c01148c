import { describe, expect, it } from 'vitest';
import {
  chosenSpeakerId,
  constraintsFor,
  readChoice,
  rememberChoice,
  resolveChoice,
} from '../../src/renderer/features/devices/device-choice';

/** A Storage over a Map, as localStorage behaves. */
function memoryStore() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

const device = (kind: MediaDeviceKind, deviceId: string, label: string) => ({ kind, deviceId, label });

describe('device choice', () => {
  it('remembers the chosen devices and the speaker for question playback', () => {
    const store = memoryStore();
    expect(readChoice(store)).toEqual({});
    expect(chosenSpeakerId(store)).toBe('');
    rememberChoice({ videoinput: { id: 'cam-2', label: 'USB camera' }, audiooutput: { id: 'spk-1', label: 'Headphones' } }, store);
    expect(readChoice(store)).toEqual({
      videoinput: { id: 'cam-2', label: 'USB camera' },
      audiooutput: { id: 'spk-1', label: 'Headphones' },
    });
    expect(chosenSpeakerId(store)).toBe('spk-1');
  });

  it('ignores a damaged saved choice', () => {
    const store = memoryStore();
    store.setItem('irec.deviceChoice', '{not json');
    expect(readChoice(store)).toEqual({});
    store.setItem('irec.deviceChoice', JSON.stringify({ videoinput: { id: 7 }, audioinput: { id: 'mic', label: 'Mic' } }));
    expect(readChoice(store)).toEqual({ audioinput: { id: 'mic', label: 'Mic' } });
  });

  it('finds a remembered device by id, then by label, and reports one that is gone', () => {
    const connected = [
      device('videoinput', 'cam-new-id', 'USB camera'),
      device('audioinput', 'default', 'Default'),
      device('audiooutput', 'default', 'Default'),
    ];
    const resolved = resolveChoice(
      {
        videoinput: { id: 'cam-old-id', label: 'USB camera' },
        audioinput: { id: 'mic-9', label: 'Headset' },
        audiooutput: { id: 'default', label: '' },
      },
      connected,
    );
    expect(resolved).toEqual({ ids: { videoinput: 'cam-new-id', audiooutput: 'default' }, missing: ['audioinput'] });
  });

  it('before access is allowed (devices listed without ids) tries the remembered ids as they are', () => {
    const resolved = resolveChoice({ videoinput: { id: 'cam-1', label: 'USB camera' } }, [device('videoinput', '', '')]);
    expect(resolved).toEqual({ ids: { videoinput: 'cam-1' }, missing: [] });
  });

  it('asks getUserMedia for exactly the chosen devices, or the defaults', () => {
    expect(constraintsFor({ videoinput: 'cam-1' })).toMatchObject({
      video: { deviceId: { exact: 'cam-1' }, width: { ideal: 1280 } },
      audio: { echoCancellation: true },
    });
    const defaults = constraintsFor();
    expect(defaults.video).not.toHaveProperty('deviceId');
    expect(defaults.audio).not.toHaveProperty('deviceId');
  });
});
