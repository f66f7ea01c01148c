import { useEffect, useState } from 'react';

/** Whether a camera and a microphone are connected, and whether the browser already refused access to them. */
export interface DevicePresence {
  camera: boolean;
  microphone: boolean;
  blocked: boolean;
}

async function permissionDenied(name: 'camera' | 'microphone'): Promise<boolean> {
  try {
    return (await navigator.permissions.query({ name: name as PermissionName })).state === 'denied';
  } catch {
    return false; // a browser that cannot say: the device check asks anyway
  }
}

/**
 * Looks without asking: the devices' kinds are listed before any permission is given, so this never opens a
 * camera or prompts. Looked at again whenever `generation` changes ("Check again").
 */
export function useDevicePresence(generation: number): DevicePresence | null {
  const [presence, setPresence] = useState<DevicePresence | null>(null);
  useEffect(() => {
    let current = true;
    void (async () => {
      const devices = (await navigator.mediaDevices?.enumerateDevices().catch(() => [])) ?? [];
      const blocked = (await permissionDenied('camera')) || (await permissionDenied('microphone'));
      if (!current) return;
      setPresence({
        camera: devices.some((d) => d.kind === 'videoinput'),
        microphone: devices.some((d) => d.kind === 'audioinput'),
        blocked,
      });
    })();
    return () => {
      current = false;
    };
  }, [generation]);
  return presence;
}
