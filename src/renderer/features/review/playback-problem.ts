/** Why a recording does not play, in the words the screen uses (review-messages.ts). */
export type PlaybackProblem = 'expired' | 'forbidden' | 'network' | 'unsupported' | 'unknown';

/**
 * When a presigned URL stops working, from its own query: SigV4's `X-Amz-Date` + `X-Amz-Expires`, or the older
 * `Expires=` (epoch seconds). Null when it does not say (a public or local URL).
 */
export function linkExpiresAt(raw: string): number | null {
  let url: URL;
  try {
    url = new URL(raw, 'http://local.invalid');
  } catch {
    return null;
  }
  const q = url.searchParams;
  const date = q.get('X-Amz-Date');
  const seconds = Number(q.get('X-Amz-Expires'));
  const signed = date && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (signed && Number.isFinite(seconds) && seconds > 0) {
    const [, y, mo, d, h, mi, s] = signed.map(Number) as [number, number, number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi, s) + seconds * 1000;
  }
  const legacy = Number(q.get('Expires'));
  return Number.isFinite(legacy) && legacy > 0 ? legacy * 1000 : null;
}

const expired = (url: string, now: number) => {
  const at = linkExpiresAt(url);
  return at !== null && at <= now;
};

/** MediaError codes (the element gives no HTTP status, so an expired link is told by its own expiry). */
const MEDIA_ERR = { aborted: 1, network: 2, decode: 3, srcNotSupported: 4 } as const;

/**
 * A `<video>` error in words. A remote file the element "cannot open" is, in practice, one the storage refused:
 * there is no status to tell 403 from 404, so it says access was refused (with an expired link told apart).
 */
export function problemOfMediaError(code: number | undefined, url: string, now: number, online: boolean): PlaybackProblem {
  if (expired(url, now)) return 'expired';
  if (!online || code === MEDIA_ERR.network) return 'network';
  if (code === MEDIA_ERR.decode) return 'unsupported';
  if (code === MEDIA_ERR.srcNotSupported) return /^https?:/i.test(url) ? 'forbidden' : 'unsupported';
  return 'unknown';
}

/** hls.js's fatal error (it knows the HTTP status of the playlist or segment that failed). */
export function problemOfHlsError(
  error: { type: string; responseCode?: number },
  url: string,
  now: number,
  online: boolean,
): PlaybackProblem {
  if (expired(url, now)) return 'expired';
  if (error.responseCode === 403 || error.responseCode === 401) return 'forbidden';
  if (!online || error.type === 'networkError') return 'network';
  if (error.type === 'mediaError') return 'unsupported';
  return 'unknown';
}
