import { framesDecodedFrom, probeMedia } from '../media/probe';

/** How far the file's duration may stray from the recorded time before verification fails. */
export const DURATION_TOLERANCE_MS = 500;

export interface Expectation {
  videoCodec: string | null;
  audio: boolean;
}

/** What the recorder's MIME type promises the file holds (`video/webm;codecs=avc1,opus` → h264 + audio). */
export function expectationFor(mimeType: string): Expectation {
  const codecs = mimeType.toLowerCase();
  const videoCodec = /avc1|h264/.test(codecs)
    ? 'h264'
    : /vp9|vp09/.test(codecs)
      ? 'vp9'
      : /av01|av1/.test(codecs)
        ? 'av1'
        : /vp8/.test(codecs)
          ? 'vp8'
          : null;
  const audio = !codecs.includes('codecs=') || /opus|mp4a|vorbis|pcm/.test(codecs);
  return { videoCodec, audio };
}

export class VerificationError extends Error {
  override name = 'VerificationError';
}

export function checkDuration(actualMs: number, recordedMs: number): void {
  if (Math.abs(actualMs - recordedMs) > DURATION_TOLERANCE_MS) {
    throw new VerificationError(
      `the finished file lasts ${(actualMs / 1000).toFixed(2)} s but ${(recordedMs / 1000).toFixed(2)} s were recorded`,
    );
  }
}

/**
 * ffprobe says the file holds what was recorded: a duration, the expected streams, and the last second decodes
 * after a seek (proof that the index and the tail are intact). Returns the duration, which the caller checks
 * against the recorded time with `checkDuration` (over all parts when a recording became several files).
 */
export async function verifyOutput(ffprobe: string, file: string, expected: Expectation, signal?: AbortSignal): Promise<number> {
  const probe = await probeMedia(ffprobe, file, signal);
  const durationMs = probe.durationMs;
  if (durationMs === null || durationMs <= 0) throw new VerificationError('the finished file has no duration');
  const video = probe.streams.filter((s) => s.type === 'video');
  if (video.length !== 1) throw new VerificationError(`expected one video stream, found ${video.length}`);
  if (expected.videoCodec && video[0]!.codec !== expected.videoCodec) {
    throw new VerificationError(`expected ${expected.videoCodec} video, found ${video[0]!.codec}`);
  }
  const audio = probe.streams.filter((s) => s.type === 'audio');
  if (expected.audio && audio.length !== 1) throw new VerificationError(`expected one audio stream, found ${audio.length}`);
  const tail = await framesDecodedFrom(ffprobe, file, durationMs - 1000, signal);
  if (tail.video === 0) throw new VerificationError('the last second of video does not decode');
  if (expected.audio && tail.audio === 0) throw new VerificationError('the last second of audio does not decode');
  return durationMs;
}
