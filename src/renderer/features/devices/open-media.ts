import { constraintsFor, resolveChoice, type DeviceChoice, type DeviceKind } from './device-choice';

export interface OpenedMedia {
  stream: MediaStream;
  /** Kinds whose remembered device was not there, so the default one was opened instead. */
  fellBack: DeviceKind[];
}

const isMissingDevice = (error: unknown) => ['OverconstrainedError', 'NotFoundError'].includes((error as { name?: string }).name ?? '');

/** Opens the chosen camera and microphone; when a remembered one is gone, the default one, saying so. */
export async function openChosenMedia(choice: DeviceChoice, media: MediaDevices = navigator.mediaDevices): Promise<OpenedMedia> {
  const resolved = resolveChoice(choice, await media.enumerateDevices());
  const fellBack = resolved.missing;
  const wanted = { videoinput: resolved.ids.videoinput, audioinput: resolved.ids.audioinput };
  try {
    return { stream: await media.getUserMedia(constraintsFor(wanted)), fellBack };
  } catch (error) {
    const tried = (['videoinput', 'audioinput'] as const).filter((kind) => wanted[kind]);
    if (!isMissingDevice(error) || tried.length === 0) throw error;
    // A remembered id the browser no longer knows (listed without ids before access was allowed).
    return { stream: await media.getUserMedia(constraintsFor()), fellBack: [...fellBack, ...tried] };
  }
}

export const stopStream = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());
