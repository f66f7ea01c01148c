import { LOCAL_MEDIA_PATH } from '../../../shared/domain/review';

/** `/__irec/media/<recordingId>/<seq>` → its parts, or null for any other path (no dots, no slashes inside). */
export function parseLocalMediaPath(pathname: string): { recordingId: string; seq: number } | null {
  if (!pathname.startsWith(`${LOCAL_MEDIA_PATH}/`)) return null;
  const match = /^([^/]+)\/(\d{1,4})$/.exec(pathname.slice(LOCAL_MEDIA_PATH.length + 1));
  if (!match) return null;
  let recordingId: string;
  try {
    recordingId = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  if (!/^[\w.-]{1,200}$/.test(recordingId) || recordingId.includes('..')) return null;
  return { recordingId, seq: Number(match[2]) };
}
