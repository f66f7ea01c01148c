import { describe, expect, it } from 'vitest';
import { translator } from '../../src/shared/i18n/messages';
import { LANGUAGES } from '../../src/shared/i18n/languages';
import { deviceMessages, type DeviceMessageKey } from '../../src/renderer/features/devices/device-messages';
import {
  currentPlatform,
  currentRuntime,
  diagnose,
  explain,
  type MediaFailure,
  type Platform,
  type Runtime,
} from '../../src/renderer/features/devices/permission-doctor';

const english = translator(deviceMessages, 'en-US', 'en');

const failure = (name: string, over: Partial<MediaFailure> = {}): MediaFailure => ({
  name,
  message: 'Permission denied',
  camera: 'prompt',
  microphone: 'prompt',
  ...over,
});

/** The title and advice a candidate reads for `f` on `platform` in `runtime`, in English. */
function shown(f: MediaFailure, platform: Platform, runtime: Runtime) {
  const { title, advice, values } = explain(diagnose(f, platform, runtime));
  return { title: english(title, values), advice: english(advice, values) };
}

describe('permission doctor: who blocked the camera and microphone', () => {
  const browserDenied = failure('NotAllowedError', { camera: 'denied', microphone: 'denied' });

  it.each(['mac', 'windows', 'linux'] as const)(
    'in a browser that denied access on %s, the advice is the address bar, not the OS',
    (platform) => {
      const text = shown(browserDenied, platform, 'browser');
      expect(text.title).toBe('Your browser blocks the camera and microphone');
      expect(text.advice).toMatch(/address bar/);
      expect(text.advice).not.toMatch(/"video"|"audio"|groups|System Settings/);
    },
  );

  it('names the one device the browser blocks', () => {
    expect(shown(failure('NotAllowedError', { camera: 'denied', microphone: 'granted' }), 'linux', 'browser').title).toBe(
      'Your browser blocks the camera',
    );
    expect(shown(failure('NotAllowedError', { camera: 'granted', microphone: 'denied' }), 'mac', 'browser').title).toBe(
      'Your browser blocks the microphone',
    );
  });

  it('blames the OS when the browser would allow it, with the settings of that OS', () => {
    const granted = failure('NotAllowedError', { camera: 'granted', microphone: 'granted' });
    expect(diagnose(granted, 'mac', 'browser').cause).toBe('os');
    expect(shown(granted, 'mac', 'browser')).toEqual({
      title: 'macOS blocks the camera or microphone',
      advice: expect.stringMatching(/System Settings → Privacy & Security → Camera and turn on your browser.*reopen the browser/),
    });
    expect(shown(granted, 'windows', 'browser').advice).toMatch(/Let desktop apps access your camera/);
    // Chromium's own words for an OS refusal win over the browser's permission state.
    expect(
      diagnose(failure('NotAllowedError', { message: 'Permission denied by system', camera: 'prompt' }), 'windows', 'browser').cause,
    ).toBe('os');
  });

  it('in Electron a refusal is the OS (the app grants itself), naming the app, or the app when its own permission is denied', () => {
    const refused = failure('NotAllowedError', { camera: 'granted', microphone: 'granted' });
    expect(shown(refused, 'mac', 'electron').advice).toMatch(/turn on Interview Recorder.*reopen the app/);
    expect(shown(refused, 'linux', 'electron').advice).toMatch(/allow Interview Recorder/);
    expect(diagnose(failure('NotAllowedError', { camera: 'denied' }), 'mac', 'electron').cause).toBe('app');
    expect(shown(failure('NotAllowedError', { camera: 'denied' }), 'windows', 'electron').advice).not.toMatch(/address bar/);
  });

  it('tells a closed prompt, a missing device and a busy one apart', () => {
    expect(diagnose(failure('NotAllowedError', { message: 'Permission dismissed' }), 'linux', 'browser').cause).toBe('dismissed');
    expect(shown(failure('NotFoundError'), 'linux', 'browser').title).toBe('No camera or microphone was found');
    expect(shown(failure('NotReadableError'), 'linux', 'browser').advice).toMatch(/^Another app/);
    // On Windows a camera that cannot be read may also be Windows' privacy settings.
    expect(shown(failure('NotReadableError'), 'windows', 'browser').advice).toMatch(/Privacy & security → Camera/);
    expect(shown(failure('NotReadableError'), 'mac', 'browser').advice).not.toMatch(/Privacy/);
    expect(diagnose(failure('TypeError'), 'mac', 'browser').cause).toBe('unknown');
  });

  it('every string of the device check formats in every language', () => {
    const values = {
      device: 'both',
      platform: 'windows',
      runtime: 'electron',
      kind: 'videoinput',
      number: 2,
      seconds: 4,
      free: '9 GB',
      needed: '1 GB',
    };
    for (const language of LANGUAGES) {
      const t = translator(deviceMessages, language, language);
      for (const key of Object.keys(deviceMessages.en) as DeviceMessageKey[]) expect(t(key, values)).toMatch(/^[^{}]+$/);
    }
    const { title, values: blocked } = explain(diagnose(browserDenied, 'windows', 'browser'));
    expect(translator(deviceMessages, 'ru-RU', 'ru')(title, blocked)).toBe('Браузер блокирует камеру и микрофон');
  });

  it('reads the platform and the runtime from the user agent', () => {
    expect(currentPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)')).toBe('mac');
    expect(currentPlatform('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('windows');
    expect(currentPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe('linux');
    expect(currentRuntime('Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Electron/33.0.0 Safari/537.36')).toBe('electron');
    expect(currentRuntime('Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36')).toBe('browser');
  });
});
