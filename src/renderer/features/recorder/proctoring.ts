import type { RecordingEventKind } from '../../../shared/ipc/channels/recording';

export type Mark = (kind: RecordingEventKind, data?: Record<string, unknown>) => void;

/**
 * Proctoring signals as timestamped events: focus, visibility, fullscreen, display changes, and the camera or
 * microphone ending or going mute. Returns the function that stops listening.
 */
export function watchProctoringSignals(mark: Mark, tracks: MediaStreamTrack[]): () => void {
  const listeners: Array<() => void> = [];
  const on = (target: EventTarget, type: string, handler: () => void) => {
    target.addEventListener(type, handler);
    listeners.push(() => target.removeEventListener(type, handler));
  };

  on(window, 'blur', () => mark('window.blur'));
  on(window, 'focus', () => mark('window.focus'));
  on(document, 'visibilitychange', () => mark(document.visibilityState === 'hidden' ? 'visibility.hidden' : 'visibility.visible'));
  on(document, 'fullscreenchange', () => mark(document.fullscreenElement ? 'fullscreen.enter' : 'fullscreen.exit'));
  // Fires when a display is connected or removed (isExtended flips) on runtimes that support it.
  on(window.screen, 'change', () => mark('displays.changed', { extended: window.screen.isExtended ?? null }));
  for (const track of tracks) {
    const data = { track: track.kind, label: track.label };
    on(track, 'ended', () => mark('track.ended', data));
    on(track, 'mute', () => mark('track.muted', data));
    on(track, 'unmute', () => mark('track.unmuted', data));
  }
  return () => listeners.splice(0).forEach((off) => off());
}
