import type { SegmentRow } from '../catalog/queries/chunks';
import { MediaToolError } from '../media/media-tool-runner';
import { mediaSpan, type MediaSpan } from '../media/media-span';

/** A segment file and the media its acknowledged chunks hold: the truth a finished file is checked against. */
export interface SourceMedia {
  segment: SegmentRow;
  span: MediaSpan;
}

export interface Sources {
  readable: SourceMedia[];
  /** Segments whose chunks hold no readable packet (a retake cut off before its first frame, damaged bytes). */
  unreadable: Array<{ segment: SegmentRow; reason: string }>;
}

const hasPackets = (span: MediaSpan) => (span.video?.packets ?? 0) + (span.audio?.packets ?? 0) > 0;

/** Reads each segment's packets, one file at a time (a busy machine gains nothing from parallel ffprobes). */
export async function readSources(ffprobe: string, segments: readonly SegmentRow[], signal?: AbortSignal): Promise<Sources> {
  const sources: Sources = { readable: [], unreadable: [] };
  for (const segment of segments) {
    try {
      const span = await mediaSpan(ffprobe, segment.filePath, signal);
      if (hasPackets(span)) sources.readable.push({ segment, span });
      else sources.unreadable.push({ segment, reason: 'no audio or video packet could be read' });
    } catch (error) {
      if (error instanceof MediaToolError && error.kind !== 'failed') throw error; // cancelled, ffprobe missing
      sources.unreadable.push({ segment, reason: (error as Error).message });
    }
  }
  return sources;
}

/** "segment 2 (no audio or video packet could be read)", for the note kept with the recording. */
export const describeUnreadable = (unreadable: Sources['unreadable']): string =>
  unreadable.map(({ segment, reason }) => `segment ${segment.seq + 1} (${reason})`).join(', ');
