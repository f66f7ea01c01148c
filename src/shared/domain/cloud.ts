import { z } from 'zod';

export const cloudBackends = ['agora', 'livekit', 'media'] as const;
export type CloudBackend = (typeof cloudBackends)[number];

export const cloudSessionStates = ['registering', 'active', 'stopping', 'processing', 'done', 'failed', 'missed'] as const;
export type CloudSessionState = (typeof cloudSessionStates)[number];

/**
 * One backend's part in an interview: an Agora or LiveKit cloud recording, or the upload to the Media
 * Recording API. Secrets never appear here: it goes to the renderer.
 */
export const cloudSessionSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  recordingId: z.string().nullable(),
  backend: z.enum(cloudBackends),
  state: z.enum(cloudSessionStates),
  /** Agora channel, LiveKit room or Media API site. */
  target: z.string(),
  uid: z.string().nullable(),
  scheduleId: z.string().nullable(),
  resourceId: z.string().nullable(),
  /** Agora sid, LiveKit egressId or Media API sessionId. */
  remoteId: z.string().nullable(),
  statusCode: z.number().int().nullable(),
  /** The backend's last health report in words ("Recording in progress"). */
  statusText: z.string().nullable(),
  files: z.array(z.object({ filename: z.string(), url: z.string().optional() })),
  recordingUrl: z.string().nullable(),
  bytesSent: z.number().int().nullable(),
  bytesTotal: z.number().int().nullable(),
  chunkBytes: z.number().int().nullable(),
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
});
export type CloudSession = z.infer<typeof cloudSessionSchema>;

export const CLOUD_BACKEND_NAMES: Record<CloudBackend, string> = {
  agora: 'Agora cloud recording',
  livekit: 'LiveKit room recording',
  media: 'Media Recording API upload',
};
