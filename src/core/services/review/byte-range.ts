/** What to send for a request's `Range` header over a file of `size` bytes (RFC 9110, one range only). */
export type RangeAnswer = { status: 200; start: 0; end: number } | { status: 206; start: number; end: number } | { status: 416 };

/**
 * `bytes=a-b`, `bytes=a-` and `bytes=-n` (the last n bytes), which is all a media element asks for when it seeks.
 * No header, or one we do not understand (several ranges, another unit), is the whole file — as the RFC allows.
 */
export function answerRange(header: string | null | undefined, size: number): RangeAnswer {
  const whole = { status: 200 as const, start: 0 as const, end: size - 1 };
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return whole;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return { status: 416 };
    return { status: 206, start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return { status: 416 };
  return { status: 206, start, end };
}

/** The headers that go with the answer: length, the range served, and that ranges are welcome. */
export function rangeHeaders(answer: RangeAnswer, size: number, contentType: string): Record<string, string> {
  const base = { 'Accept-Ranges': 'bytes', 'Content-Type': contentType, 'Cache-Control': 'no-store' };
  if (answer.status === 416) return { ...base, 'Content-Range': `bytes */${size}` };
  const length = String(answer.end - answer.start + 1);
  return answer.status === 206
    ? { ...base, 'Content-Length': length, 'Content-Range': `bytes ${answer.start}-${answer.end}/${size}` }
    : { ...base, 'Content-Length': length };
}

/** The media type of a finalized output's container. */
export const mediaTypeOf = (container: string): string =>
  ({ mp4: 'video/mp4', mov: 'video/mp4', webm: 'video/webm', matroska: 'video/x-matroska', mkv: 'video/x-matroska' })[
    container.toLowerCase()
  ] ?? 'application/octet-stream';
