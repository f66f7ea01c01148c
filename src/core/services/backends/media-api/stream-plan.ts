/** A byte range of a segment file that becomes one Media API chunk. */
export interface ByteRange {
  byteOffset: number;
  size: number;
}

export interface StreamPlanLimits {
  /** Recorder chunks (one second each) per API chunk. */
  recorderChunks: number;
  /** No API chunk is larger (`backends.mediaApi.chunkMb`). */
  maxBytes: number;
}

/**
 * The contract's web recorder made a chunk every second and uploaded every 10 of them; the API itself names no
 * cadence. We send every 5: on a link of twice the bitrate a chunk takes half its recorded time to send, so a
 * stop just after a chunk closed waits about 2.5 s for it instead of 5. `chunkMb` is the ceiling (a single
 * recorder chunk above it is split by bytes; the API only concatenates).
 */
export const RECORDER_CHUNKS_PER_API_CHUNK = 5;

/**
 * Cuts the durable recorder chunks beyond `plannedEnd` into API chunks: a chunk closes after `recorderChunks`
 * recorder chunks or before it would pass `maxBytes`; the rest stays for later unless the segment is `complete`,
 * when it becomes the last chunk. Pure, so a plan made at any moment covers every byte exactly once.
 */
export function planApiChunks(
  recorded: readonly ByteRange[],
  plannedEnd: number,
  complete: boolean,
  limits: StreamPlanLimits,
): ByteRange[] {
  const planned: ByteRange[] = [];
  let start = plannedEnd;
  let end = plannedEnd;
  let count = 0;
  const close = () => {
    if (end > start) planned.push({ byteOffset: start, size: end - start });
    start = end;
    count = 0;
  };
  for (const chunk of recorded) {
    const chunkEnd = chunk.byteOffset + chunk.size;
    if (chunkEnd <= start) continue;
    if (count > 0 && chunkEnd - start > limits.maxBytes) close();
    while (chunkEnd - start > limits.maxBytes) {
      end = start + limits.maxBytes;
      close();
    }
    end = chunkEnd;
    count += 1;
    if (count >= limits.recorderChunks) close();
  }
  if (complete) close();
  return planned;
}
