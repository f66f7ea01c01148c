import { chosenSpeakerId } from './device-choice';

/** AudioContext.setSinkId is newer than TypeScript's DOM types. */
type SinkTarget = { setSinkId?(sinkId: string): Promise<void> };

/** Whether sound can be sent to a chosen speaker here (Chromium and Electron can; otherwise the picker is hidden). */
export const canChooseSpeaker = (): boolean =>
  typeof AudioContext !== 'undefined' && 'setSinkId' in AudioContext.prototype && 'setSinkId' in HTMLMediaElement.prototype;

/**
 * Sends `target`'s sound to the chosen speaker. A speaker that is gone (or a browser that cannot choose) leaves
 * the system default: playback must never fail because of this.
 */
export async function routeToSpeaker(target: AudioContext | HTMLMediaElement, sinkId = chosenSpeakerId()): Promise<void> {
  const sink = target as SinkTarget;
  if (!sinkId || typeof sink.setSinkId !== 'function') return;
  try {
    await sink.setSinkId(sinkId);
  } catch {
    // the default speaker plays instead
  }
}
