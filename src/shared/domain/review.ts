import { z } from 'zod';

/** How a recording plays: a file the `<video>` element opens, an HLS playlist (hls.js), or sound only. */
export const playbackKinds = ['mp4', 'webm', 'hls', 'audio'] as const;
export type PlaybackKind = (typeof playbackKinds)[number];

/** Where a recording's file is served from: same-origin for local files, http(s) for the cloud's. */
export const LOCAL_MEDIA_PATH = '/__irec/media';

/**
 * http(s) with no user or password in it (the redaction masks those, and the exemption must not bring them back),
 * or the local media route's path (no `..`, no scheme).
 */
export function isPlaybackUrl(raw: string): boolean {
  if (raw.startsWith(`${LOCAL_MEDIA_PATH}/`)) return !raw.includes('..') && !raw.includes('\\');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
}

/**
 * A URL the player opens: an http(s) address the backend gave (often presigned, so its `Signature=` must reach the
 * player whole) or the app's own route to a finalized local file. The dispatcher leaves values of this type
 * unredacted (see `playbackFields` in the contract); nothing else is exempt.
 */
export const playbackUrlSchema = z
  .string()
  .max(8192)
  .refine(isPlaybackUrl, 'a playback URL is http(s) without a user or password, or a local media path')
  .brand<'PlaybackUrl'>();
export type PlaybackUrl = z.output<typeof playbackUrlSchema>;

/** A recording's playable state: ready (URL set), processing (wait `retryAfterMs`), or failed (`error` says why). */
export const reviewStatuses = ['ready', 'processing', 'failed'] as const;

export const reviewRecordingSchema = z.object({
  /** Opaque id for getReviewChapters: `local:<recordingId>:<seq>`, `agora:<sid>:<file index>`, `livekit:<egressId>`. */
  ref: z.string(),
  source: z.enum(['local', 'agora', 'livekit']),
  /** The file's own name or the recording's, for the picker. */
  label: z.string(),
  kind: z.enum(playbackKinds),
  status: z.enum(reviewStatuses),
  playbackUrl: playbackUrlSchema.nullable(),
  durationMs: z.number().nonnegative().nullable(),
  /** When to ask again for a processing recording, within the LiveKit rate limits. */
  retryAfterMs: z.number().int().positive().nullable(),
  error: z.string().nullable(),
  /** Which recording clock its chapters and notes use (docs/interviewer.md, "The two recording clocks"). */
  clock: z.enum(['local', 'cloud']),
});
export type ReviewRecording = z.infer<typeof reviewRecordingSchema>;

/** The interview's recordings, and why a backend's could not be listed (in words), without failing the rest. */
export const reviewListSchema = z.object({
  interviewId: z.string(),
  recordings: z.array(reviewRecordingSchema),
  problems: z.array(z.string()),
});
export type ReviewList = z.infer<typeof reviewListSchema>;
/** The list as the core builds it (plain strings; the contract brands the URLs on the way out). */
export type ReviewListInput = z.input<typeof reviewListSchema>;

/** One chapter or note on the recording's timeline (ms on its own clock). */
export const reviewCueSchema = z.object({
  kind: z.enum(['question', 'note']),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  title: z.string(),
  /** The question a note is marked for, or the question a chapter is; null when none. */
  questionIndex: z.number().int().nullable(),
});
export type ReviewCue = z.infer<typeof reviewCueSchema>;

export const reviewChaptersSchema = z.object({ cues: z.array(reviewCueSchema), vtt: z.string() });
export type ReviewChapters = z.infer<typeof reviewChaptersSchema>;

/** A recording as the core builds it (its playback URL still a plain string; the contract brands it). */
export type ReviewRecordingInput = z.input<typeof reviewRecordingSchema>;
