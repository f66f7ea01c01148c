/**
 * Preference order. H.264 first, carried in WebM: Chromium's WebM muxer hands over a chunk every second,
 * while its MP4 muxer only emits at keyframes (the first media after about 3 s), which would break "every
 * chunk on disk within a second". H.264 in WebM is stream-copied into MP4 at finalize. Then H.264 in MP4
 * (with one-second keyframes, so it fragments every second), then VP9 and VP8 in WebM.
 */
export const MIME_PREFERENCE = [
  'video/webm;codecs=h264,opus',
  'video/mp4;codecs=avc1.42E01F,opus',
  'video/mp4;codecs=avc1.42E01F,mp4a.40.2',
  'video/webm;codecs=vp9,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm',
] as const;

/** The first type this runtime's MediaRecorder supports, or null when it supports none of them. */
export function chooseMimeType(isTypeSupported: (type: string) => boolean): string | null {
  return MIME_PREFERENCE.find((type) => isTypeSupported(type)) ?? null;
}

/** Options beyond bitrates that a type needs to deliver one-second chunks. */
export function recorderOptionsFor(mimeType: string): { videoKeyFrameIntervalDuration?: number } {
  return mimeType.startsWith('video/mp4') ? { videoKeyFrameIntervalDuration: 1000 } : {};
}
