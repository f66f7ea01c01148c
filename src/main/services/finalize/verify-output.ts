import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { framesDecodedFrom, probeMedia, type MediaProbe } from '../media/probe';

/** How far the file's duration may stray from the recorded time before verification fails. */
export const DURATION_TOLERANCE_MS = 500;

export interface Expectation {
  /** The catalog's recorded time, when known. */
  durationMs: number | null;
  videoCodec: string | null;
  audio: boolean;
}

/** What the recorder's MIME type promises the file holds (`video/webm;codecs=avc1,opus` → h264 + audio). */
export function expectationFor(mimeType: string, durationMs: number | null): Expectation {
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
  return { durationMs, videoCodec, audio };
}

export interface Verified {
  durationMs: number;
  probe: MediaProbe;
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
 * ffprobe says the file is what was recorded: duration within tolerance of the recorded time, the expected
 * streams, and the last second decodes after a seek (proof that the index and the tail are intact).
 */
export async function verifyOutput(ffprobe: string, file: string, expected: Expectation, signal?: AbortSignal): Promise<Verified> {
  const probe = await probeMedia(ffprobe, file, signal);
  const durationMs = probe.durationMs;
  if (durationMs === null || durationMs <= 0) throw new VerificationError('the finished file has no duration');
  if (expected.durationMs !== null) checkDuration(durationMs, expected.durationMs);
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
  return { durationMs, probe };
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
