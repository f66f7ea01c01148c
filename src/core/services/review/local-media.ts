import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { LOCAL_MEDIA_PATH } from '../../../shared/domain/review';
import { answerRange, mediaTypeOf, rangeHeaders } from './byte-range';
import { parseLocalMediaPath } from './local-media-route';
import type { ReviewService } from './review-service';

export interface MediaReply {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** The bytes to send; null for a refusal and for HEAD. */
  body: Readable | null;
}

const notFound: MediaReply = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: null };

/**
 * The answer of the local media route (browser host and Electron's app:// alike): a finalized recording's verified
 * output, by recording id and output number as the catalog knows them, with Range so the player can seek. Anything
 * else — another path, a recording still being made, a file retention removed — is 404.
 */
export function localMediaReply(
  review: Pick<ReviewService, 'localFile'>,
  pathname: string,
  range: string | null,
  head = false,
): MediaReply {
  const wanted = parseLocalMediaPath(pathname);
  let found: ReturnType<ReviewService['localFile']> = null;
  let size: number;
  try {
    // A degraded core (no catalog) throws here: to the player that is a file it cannot have, like any other.
    found = wanted && review.localFile(wanted.recordingId, wanted.seq);
    if (!found) return notFound;
    size = fs.statSync(found.file).size;
  } catch {
    return notFound;
  }
  const answer = answerRange(range, size);
  const headers = rangeHeaders(answer, size, mediaTypeOf(found.container));
  if (answer.status === 416) return { status: 416, headers, body: null };
  const body = head || size === 0 ? null : fs.createReadStream(found.file, { start: answer.start, end: answer.end });
  return { status: answer.status, headers, body };
}

/** Whether a path is the local media route's (so a transport hands it here rather than to its static files). */
export const isLocalMediaPath = (pathname: string): boolean => pathname.startsWith(`${LOCAL_MEDIA_PATH}/`);
