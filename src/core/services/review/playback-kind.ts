import type { PlaybackKind } from '../../../shared/domain/review';

const AUDIO = /\.(mp3|m4a|aac|ogg|oga|opus|wav|flac)$/i;

/**
 * How a file plays, from its name or URL (the query string of a presigned URL ignored): HLS playlists go through
 * hls.js, the rest into `<video>`. Null for what the player cannot open (Agora's `.ts` slices, `.json` manifests).
 */
export function playbackKindOf(nameOrUrl: string): PlaybackKind | null {
  const path = nameOrUrl.split(/[?#]/, 1)[0]!.toLowerCase();
  if (path.endsWith('.m3u8')) return 'hls';
  if (path.endsWith('.mp4') || path.endsWith('.m4v') || path.endsWith('.mov')) return 'mp4';
  if (path.endsWith('.webm') || path.endsWith('.mkv')) return 'webm';
  if (AUDIO.test(path)) return 'audio';
  return null;
}

/** A local output's kind from its container (`mp4`, `webm`, `matroska`…), then its file name. */
export function localKindOf(container: string, filePath: string): PlaybackKind | null {
  const byContainer = playbackKindOf(`.${container}`);
  return byContainer ?? playbackKindOf(filePath);
}
