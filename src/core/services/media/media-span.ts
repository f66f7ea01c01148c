import { runMediaTool } from './media-tool-runner';

export interface StreamSpan {
  packets: number;
  startMs: number;
  endMs: number;
}

/** What a file's packets hold: per stream kind, how many and the media time they cover. No decoding. */
export interface MediaSpan {
  video: StreamSpan | null;
  audio: StreamSpan | null;
  /** From the earliest packet's start to the latest packet's end, over all streams. */
  durationMs: number;
}

type Kind = 'video' | 'audio';

interface Accumulator {
  packets: number;
  startMs: number;
  lastPtsMs: number;
  endMs: number;
  /** A packet without a duration (WebM SimpleBlocks): its end is estimated from the typical spacing. */
  lastHadDuration: boolean;
  gapMs: number;
}

const millis = (text: string | undefined): number | null => {
  if (text === undefined || text === '' || text === 'N/A') return null;
  const value = Number(text) * 1000;
  return Number.isFinite(value) ? value : null;
};

/**
 * Reads ffprobe's CSV packet list (`codec_type,pts_time,duration_time` per line). Pure, so it is unit-tested.
 * A packet without a timestamp is counted but does not move the span.
 */
export function spanFromPacketList(csv: string): MediaSpan {
  const streams = new Map<Kind, Accumulator>();
  for (const line of csv.split('\n')) {
    const [type, ptsText, durationText] = line.trim().split(',');
    if (type !== 'video' && type !== 'audio') continue;
    const acc = streams.get(type) ?? {
      packets: 0,
      startMs: Infinity,
      lastPtsMs: -Infinity,
      endMs: -Infinity,
      lastHadDuration: true,
      gapMs: 0,
    };
    streams.set(type, acc);
    acc.packets += 1;
    const pts = millis(ptsText);
    if (pts === null) continue;
    const duration = millis(durationText);
    if (pts > acc.lastPtsMs && Number.isFinite(acc.lastPtsMs)) acc.gapMs = pts - acc.lastPtsMs;
    acc.startMs = Math.min(acc.startMs, pts);
    acc.lastPtsMs = Math.max(acc.lastPtsMs, pts);
    acc.lastHadDuration = duration !== null && duration > 0;
    acc.endMs = Math.max(acc.endMs, pts + (acc.lastHadDuration ? duration! : 0));
  }
  const finish = (kind: Kind): StreamSpan | null => {
    const acc = streams.get(kind);
    if (!acc) return null;
    if (!Number.isFinite(acc.startMs)) return { packets: acc.packets, startMs: 0, endMs: 0 };
    const endMs = acc.lastHadDuration ? acc.endMs : Math.max(acc.endMs, acc.lastPtsMs + acc.gapMs);
    return { packets: acc.packets, startMs: acc.startMs, endMs };
  };
  const video = finish('video');
  const audio = finish('audio');
  const present = [video, audio].filter((s): s is StreamSpan => s !== null && s.packets > 0);
  const start = Math.min(...present.map((s) => s.startMs));
  const end = Math.max(...present.map((s) => s.endMs));
  return { video, audio, durationMs: present.length ? Math.max(0, end - start) : 0 };
}

/** Every packet of the file, read (not decoded) by ffprobe: the media the file really holds. */
export async function mediaSpan(ffprobe: string, file: string, signal?: AbortSignal): Promise<MediaSpan> {
  const csv = await runMediaTool(
    ffprobe,
    ['-v', 'error', '-show_entries', 'packet=codec_type,pts_time,duration_time', '-of', 'csv=p=0', file],
    { signal },
  );
  return spanFromPacketList(csv);
}
