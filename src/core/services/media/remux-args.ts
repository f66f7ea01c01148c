/** Pure builders for the ffmpeg inputs and arguments of a stream-copy finalize. No I/O here. */

export type Container = 'mp4' | 'webm';

export interface Chapter {
  startMs: number;
  endMs: number;
  title: string;
}

/** H.264 goes into MP4 (plays everywhere, `+faststart`); VP8/VP9/AV1 stay in WebM, now with cues. */
export function containerFor(mimeType: string): Container {
  return /avc1|h264|video\/mp4/i.test(mimeType) ? 'mp4' : 'webm';
}

/** A concat-demuxer list. Paths are quoted; a quote inside a path is closed, escaped and reopened. */
export function concatList(files: readonly string[]): string {
  return files.map((file) => `file '${file.replaceAll("'", "'\\''")}'\n`).join('');
}

const escapeMetadata = (text: string) => text.replace(/[=;#\\\n]/g, (c) => `\\${c}`);

/** An FFMETADATA1 file carrying the chapters (millisecond time base). */
export function ffmetadata(chapters: readonly Chapter[]): string {
  const blocks = chapters.map(
    (c) => `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${Math.round(c.startMs)}\nEND=${Math.round(c.endMs)}\ntitle=${escapeMetadata(c.title)}\n`,
  );
  return `;FFMETADATA1\n${blocks.join('')}`;
}

/**
 * A segment rewritten with its streams in `order` (stream copy into Matroska, which holds any codec the recorder
 * writes): the concat demuxer matches streams by position, and a recorder adds its tracks in the order their
 * first frames came, so two segments can hold the same streams the other way round.
 */
export function reorderArgs(input: string, output: string, order: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const maps = order.flatMap((type) => {
    const nth = seen.get(type) ?? 0;
    seen.set(type, nth + 1);
    return ['-map', `0:${type[0]}:${nth}`];
  });
  return ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-i', input, ...maps, '-c', 'copy', '-f', 'matroska', output];
}

export interface RemuxPlan {
  /** One segment file, or a concat list file naming several. */
  input: { kind: 'file'; path: string } | { kind: 'concat'; listFile: string };
  chaptersFile?: string;
  output: string;
  container: Container;
  metadata?: Readonly<Record<string, string>>;
}

/** Stream copy (never a re-encode) into a seekable file; progress on stdout for the progress bar. */
export function remuxArgs(plan: RemuxPlan): string[] {
  const input = plan.input.kind === 'file' ? ['-i', plan.input.path] : ['-f', 'concat', '-safe', '0', '-i', plan.input.listFile];
  const chapters = plan.chaptersFile ? ['-f', 'ffmetadata', '-i', plan.chaptersFile] : [];
  const metadata = Object.entries(plan.metadata ?? {}).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
  const seekable = plan.container === 'mp4' ? ['-movflags', '+faststart'] : ['-cues_to_front', '1'];
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y'],
    ...input,
    ...chapters,
    ...['-map', '0:v?', '-map', '0:a?'],
    ...(plan.chaptersFile ? ['-map_chapters', '1'] : ['-map_chapters', '-1']),
    ...['-c', 'copy'],
    ...metadata,
    ...seekable,
    ...['-progress', 'pipe:1', '-nostats'],
    ...['-f', plan.container, plan.output],
  ];
}
