import { useEffect, useState } from 'react';

/** The connected cameras, microphones and speakers, updated when one is plugged in or out. */
export function useDevices(enabled: boolean): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const list = () =>
      void navigator.mediaDevices.enumerateDevices().then(
        (found) => current && setDevices(found.filter((device) => device.deviceId !== '')),
        () => undefined, // the pickers stay as they were
      );
    list();
    navigator.mediaDevices.addEventListener('devicechange', list);
    return () => {
      current = false;
      navigator.mediaDevices.removeEventListener('devicechange', list);
    };
  }, [enabled]);
  return devices;
}
