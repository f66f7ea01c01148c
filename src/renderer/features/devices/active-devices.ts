/** The device an open stream's track of `kind` uses. */
export const trackDevice = (stream: MediaStream | null, kind: 'audio' | 'video') =>
  (kind === 'audio' ? stream?.getAudioTracks() : stream?.getVideoTracks())?.[0]?.getSettings().deviceId;

/** The device in use per kind: the open tracks' devices, and the remembered speaker (else the default). */
export function activeDevices(stream: MediaStream | null, speaker: string | undefined, devices: MediaDeviceInfo[]) {
  const speakers = devices.filter((device) => device.kind === 'audiooutput');
  const fallback = speakers.find((device) => device.deviceId === 'default')?.deviceId ?? speakers[0]?.deviceId;
  return { videoinput: trackDevice(stream, 'video'), audioinput: trackDevice(stream, 'audio'), audiooutput: speaker ?? fallback };
}
