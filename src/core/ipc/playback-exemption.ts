import { playbackUrlSchema } from '../../shared/domain/review';
import { channels, isChannelName, type ChannelSpec } from '../../shared/ipc/contract';

/** The response keys of `channel` whose values are playback URLs (none for almost every channel). */
export function playbackFieldsOf(channel: string): ReadonlySet<string> {
  const spec: ChannelSpec | undefined = isChannelName(channel) ? channels[channel] : undefined;
  return new Set(spec?.playbackFields ?? []);
}

/**
 * `redacted` with the original value put back wherever the key is a playback field and the original is a valid
 * playback URL (http(s) or the local media route). A presigned URL's `Signature=` is the credential the player
 * needs; everything else in the answer stays as `redact` left it. Both trees have the same shape: `redact` keeps
 * every key and array index.
 */
export function restorePlaybackUrls(original: unknown, redacted: unknown, fields: ReadonlySet<string>): unknown {
  if (fields.size === 0 || original === null || typeof original !== 'object' || redacted === null || typeof redacted !== 'object')
    return redacted;
  if (Array.isArray(original) && Array.isArray(redacted)) return redacted.map((item, i) => restorePlaybackUrls(original[i], item, fields));
  const source = original as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(redacted as Record<string, unknown>) };
  for (const key of Object.keys(out)) {
    const value = source[key];
    out[key] =
      fields.has(key) && typeof value === 'string' && playbackUrlSchema.safeParse(value).success
        ? value
        : restorePlaybackUrls(value, out[key], fields);
  }
  return out;
}
