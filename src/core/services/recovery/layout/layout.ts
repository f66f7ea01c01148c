import { AppError } from '../../../errors/app-error';

/** One chunk of a segment file as re-indexing finds it: a range that starts at a safe boundary of the container. */
export interface ChunkRange {
  offset: number;
  size: number;
  /** Media time at the end of the chunk, from the container's timestamps, counted from the file's first frame. */
  mediaEndMs: number | null;
}

/** What a segment file holds, read from its own structure. */
export interface ContainerLayout {
  container: 'webm' | 'mp4';
  /** The MIME type MediaRecorder would have reported (`video/webm;codecs=vp8,opus`). */
  mimeType: string;
  /** Whole chunks in order; the first holds the header. Bytes after the last one are a torn tail. */
  chunks: ChunkRange[];
}

/** The file is not a container this app records (or its header never reached the disk). */
export class UnrecognizedContainerError extends AppError {
  constructor(message: string) {
    super('MEDIA_ERROR', message);
  }
}

/** Cuts [0, end) at `starts` (ascending, the first > 0) into chunk ranges. */
export function rangesAt(starts: readonly number[], end: number, mediaEnds: readonly (number | null)[]): ChunkRange[] {
  const bounds = [0, ...starts, end];
  return bounds.slice(0, -1).map((offset, i) => ({ offset, size: bounds[i + 1]! - offset, mediaEndMs: mediaEnds[i] ?? null }));
}
