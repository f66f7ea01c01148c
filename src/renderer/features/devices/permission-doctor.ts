export type Platform = 'mac' | 'windows' | 'linux';

export function currentPlatform(userAgent = navigator.userAgent): Platform {
  if (/Mac OS X|Macintosh/.test(userAgent)) return 'mac';
  if (/Windows/.test(userAgent)) return 'windows';
  return 'linux';
}

const WHERE_TO_ALLOW: Record<Platform, string> = {
  mac: 'Open System Settings → Privacy & Security → Camera, and turn on Interview Recorder; do the same under Microphone. Then quit and reopen the app.',
  windows:
    'Open Settings → Privacy & security → Camera, turn on "Camera access" and "Let desktop apps access your camera"; do the same under Microphone. Then try again.',
  linux:
    'Check that your user may use the camera and microphone (for example membership of the "video" and "audio" groups), and that no privacy switch or sandbox blocks them. Then try again.',
};

/** What went wrong with the camera or microphone, and exactly what the person can do about it. */
export function explainMediaError(error: unknown, platform: Platform = currentPlatform()): { title: string; advice: string } {
  const name = (error as { name?: string }).name ?? '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { title: 'Camera or microphone access is blocked', advice: WHERE_TO_ALLOW[platform] };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera or microphone was found',
        advice: 'Connect a camera and a microphone (or a headset), then press "Try again".',
      };
    case 'NotReadableError':
    case 'AbortError':
      return {
        title: 'The camera or microphone is busy',
        advice: 'Another app (a video call, another browser tab) is using it. Close that app, then press "Try again".',
      };
    default:
      return {
        title: 'The camera or microphone could not be started',
        advice: `${(error as Error).message ?? String(error)}. Press "Try again".`,
      };
  }
}

export const MEDIA_CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
};
