import { z } from 'zod';

export const cloudBackends = ['agora', 'livekit', 'media'] as const;
export type CloudBackend = (typeof cloudBackends)[number];

/** The backends that record the call itself (through a cloud recorder), as opposed to the Media API upload. */
export type CallBackend = Exclude<CloudBackend, 'media'>;

export const cloudSessionStates = ['registering', 'active', 'stopping', 'processing', 'done', 'failed', 'missed'] as const;
export type CloudSessionState = (typeof cloudSessionStates)[number];

/** What every backend's session has: where it records, how far it got, and what the user is shown. */
const sessionBase = {
  id: z.string(),
  interviewId: z.string(),
  recordingId: z.string().nullable(),
  state: z.enum(cloudSessionStates),
  /** Agora channel, LiveKit room or Media API site. */
  target: z.string(),
  statusCode: z.number().int().nullable(),
  /** The backend's last health report in words ("Recording in progress"). */
  statusText: z.string().nullable(),
  files: z.array(z.object({ filename: z.string(), url: z.string().optional() })),
  recordingUrl: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** A call still owed to the backend (outbox), with when it is tried next. */
  pending: z
    .object({
      kind: z.string(),
      state: z.enum(['pending', 'held']),
      attempts: z.number().int(),
      nextAttemptAt: z.string(),
      lastError: z.string().nullable(),
    })
    .nullable(),
};

const agoraSessionSchema = z.object({
  ...sessionBase,
  backend: z.literal('agora'),
  /** The recording bot's uid in the channel. */
  uid: z.string(),
  scheduleId: z.string().nullable(),
  /** Agora's handle of the cloud recording, once a start succeeded. */
  recording: z.object({ resourceId: z.string(), sid: z.string() }).nullable(),
});

const livekitSessionSchema = z.object({
  ...sessionBase,
  backend: z.literal('livekit'),
  /** The egress recording the room, once a start succeeded. */
  egressId: z.string().nullable(),
});

const mediaSessionSchema = z.object({
  ...sessionBase,
  backend: z.literal('media'),
  /** The Media API's session ID, once initialized. */
  apiSessionId: z.string().nullable(),
  bytesSent: z.number().int().nullable(),
  bytesTotal: z.number().int().nullable(),
  /** Fixed when a whole-file upload begins: a resumed upload must cut the file exactly as before. */
  chunkBytes: z.number().int().nullable(),
});

/**
 * One backend's part in an interview: an Agora or LiveKit cloud recording, or the upload to the Media
 * Recording API, each with its own identifiers. Secrets never appear here: it goes to the renderer.
 */
export const cloudSessionSchema = z.discriminatedUnion('backend', [agoraSessionSchema, livekitSessionSchema, mediaSessionSchema]);
export type CloudSession = z.infer<typeof cloudSessionSchema>;
export type AgoraSession = z.infer<typeof agoraSessionSchema>;
export type LivekitSession = z.infer<typeof livekitSessionSchema>;
export type MediaSession = z.infer<typeof mediaSessionSchema>;
export type CallSession = AgoraSession | LivekitSession;

/** The backend's own ID of the session (Agora sid, LiveKit egress, Media API session), when it has one yet. */
export function remoteIdOf(session: CloudSession): string | null {
  if (session.backend === 'agora') return session.recording?.sid ?? null;
  return session.backend === 'livekit' ? session.egressId : session.apiSessionId;
}

export const CLOUD_BACKEND_NAMES: Record<CloudBackend, string> = {
  agora: 'Agora cloud recording',
  livekit: 'LiveKit room recording',
  media: 'Media Recording API upload',
};
