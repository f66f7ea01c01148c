import { formatSeconds } from '../../../shared/format';
import { AppError } from '../../errors/app-error';
import type { MediaSpan } from '../media/media-span';
import { mediaSpan } from '../media/media-span';
import { framesDecodedFrom, probeMedia } from '../media/probe';

/**
 * How far a finished file's duration may stray from the media its recorded chunks hold, per source segment:
 * joining files may round each boundary to a frame or an audio packet, never more.
 */
export const SPAN_TOLERANCE_PER_SEGMENT_MS = 150;

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

/** The finished file is not what the chunks hold; finalize then delivers the recording as recorded. */
export class VerificationError extends AppError {
  constructor(message: string) {
    super('MEDIA_ERROR', message);
  }
}

/**
 * Packets a stream copy may legitimately drop or add per segment and stream: a muxer trims an audio priming
 * packet at a boundary (Opus in MP4). A lost chunk would be 30 video and 50 audio packets.
 */
export const PACKET_SLACK_PER_SEGMENT = 2;

/**
 * The finished file holds what its sources (the acknowledged chunks, one span per segment file) hold: their
 * video and audio packets (a stream copy keeps them, give or take a boundary packet), and a duration within a
 * frame or two per joined segment of theirs. Pure: the spans come from `mediaSpan`.
 */
export function checkAgainstSources(output: { span: MediaSpan; durationMs: number }, sources: readonly MediaSpan[]): void {
  const segments = Math.max(1, sources.length);
  for (const kind of ['video', 'audio'] as const) {
    const recorded = sources.reduce((sum, source) => sum + (source[kind]?.packets ?? 0), 0);
    const finished = output.span[kind]?.packets ?? 0;
    if (Math.abs(finished - recorded) > PACKET_SLACK_PER_SEGMENT * segments) {
      throw new VerificationError(`the finished file has ${finished} ${kind} packets but the recorded chunks hold ${recorded}`);
    }
  }
  const recordedMs = sources.reduce((sum, source) => sum + source.durationMs, 0);
  if (Math.abs(output.durationMs - recordedMs) > SPAN_TOLERANCE_PER_SEGMENT_MS * segments) {
    throw new VerificationError(
      `the finished file lasts ${formatSeconds(output.durationMs)} but the recorded chunks hold ${formatSeconds(recordedMs)} of media`,
    );
  }
}

export interface VerifiedMedia {
  durationMs: number;
  span: MediaSpan;
}

/**
 * ffprobe says the file is whole: a duration, the expected streams, every packet readable, and the last second
 * of each stream decodes after a seek (proof that the index and the tail are intact). The caller compares the
 * result with the sources' spans (`checkAgainstSources`).
 */
export async function verifyOutput(ffprobe: string, file: string, expected: Expectation, signal?: AbortSignal): Promise<VerifiedMedia> {
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
  await checkTailDecodes(ffprobe, file, durationMs, { audio: expected.audio && audio.length > 0 }, signal);
  return { durationMs, span: await mediaSpan(ffprobe, file, signal) };
}

/** The last second of video (and audio, when wanted) decodes after a seek to it. */
export async function checkTailDecodes(
  ffprobe: string,
  file: string,
  durationMs: number,
  want: { audio: boolean },
  signal?: AbortSignal,
): Promise<void> {
  const tail = await framesDecodedFrom(ffprobe, file, durationMs - 1000, signal);
  if (tail.video === 0) throw new VerificationError('the last second of video does not decode');
  if (want.audio && tail.audio === 0) throw new VerificationError('the last second of audio does not decode');
}
