import { z } from 'zod';
import { runMediaTool } from './media-tool-runner';
import type { Chapter } from './remux-args';

const probeOutput = z.object({
  format: z.object({ duration: z.string().optional() }).optional(),
  streams: z
    .array(
      z.object({ codec_type: z.string(), codec_name: z.string().optional(), width: z.number().optional(), height: z.number().optional() }),
    )
    .default([]),
  chapters: z
    .array(z.object({ start_time: z.string(), end_time: z.string(), tags: z.object({ title: z.string().optional() }).optional() }))
    .default([]),
});

export interface ProbedStream {
  type: string;
  codec: string;
  width?: number;
  height?: number;
}

export interface MediaProbe {
  durationMs: number | null;
  streams: ProbedStream[];
  chapters: Chapter[];
}

const seconds = (text: string | undefined) => (text === undefined || Number.isNaN(Number(text)) ? null : Number(text) * 1000);

/** Container duration, streams and chapters, as ffprobe reads them. */
export async function probeMedia(ffprobe: string, file: string, signal?: AbortSignal): Promise<MediaProbe> {
  const json = await runMediaTool(
    ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', file],
    { signal },
  );
  const parsed = probeOutput.parse(JSON.parse(json));
  return {
    durationMs: seconds(parsed.format?.duration),
    streams: parsed.streams.map((s) => ({ type: s.codec_type, codec: s.codec_name ?? 'unknown', width: s.width, height: s.height })),
    chapters: parsed.chapters.map((c) => ({
      startMs: seconds(c.start_time) ?? 0,
      endMs: seconds(c.end_time) ?? 0,
      title: c.tags?.title ?? '',
    })),
  };
}

/** How far past the seek point to read; the file ends one second after it, so this always reaches the end. */
const TAIL_SPAN_SECONDS = 30;

const frameList = z.object({ frames: z.array(z.object({ media_type: z.string(), pts_time: z.string().optional() })).default([]) });

/**
 * Seeks to `fromMs` and decodes to the end: how many video and audio frames at or after `fromMs` decode.
 * A file whose tail is damaged or missing gives zero.
 */
export async function framesDecodedFrom(
  ffprobe: string,
  file: string,
  fromMs: number,
  signal?: AbortSignal,
): Promise<{ video: number; audio: number }> {
  const from = Math.max(0, fromMs) / 1000;
  const json = await runMediaTool(
    ffprobe,
    [
      '-v',
      'error',
      '-read_intervals',
      // An explicit span: newer ffprobe (6+) reads nothing for an open-ended interval like `5%`.
      `${from.toFixed(3)}%+${TAIL_SPAN_SECONDS}`,
      '-show_frames',
      '-show_entries',
      'frame=media_type,pts_time',
      '-print_format',
      'json',
      file,
    ],
    { signal },
  );
  const counts = { video: 0, audio: 0 };
  for (const frame of frameList.parse(JSON.parse(json)).frames) {
    if (Number(frame.pts_time) < from - 0.001) continue;
    if (frame.media_type === 'video') counts.video += 1;
    if (frame.media_type === 'audio') counts.audio += 1;
  }
  return counts;
}
