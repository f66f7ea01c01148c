// The development call server's signalling: JSON text messages over one WebSocket per participant (path
// DEV_CALL_WS_PATH on the development backend). Shared by the server (tools/dev-backend/call/) and the browser
// provider (src/renderer/features/call/providers/dev-call.ts) so both sides validate the same shapes.
import { z } from 'zod';

export const DEV_CALL_WS_PATH = '/call/ws';
export const DEV_CALL_TOKEN_PATH = '/call/token';

/** WebSocket close codes the server uses after an `error` message (4000–4999 are the application's own). */
export const DEV_CALL_CLOSE = { auth: 4001, rejected: 4003, replaced: 4009, badRequest: 4000 } as const;

const id = z.string().min(1).max(128);
const sdp = z.string().min(1).max(100_000);

export const devCallParticipantSchema = z.object({
  id,
  displayName: z.string().max(200),
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
  audioMuted: z.boolean(),
  videoMuted: z.boolean(),
});
export type DevCallParticipant = z.infer<typeof devCallParticipantSchema>;

const candidate = z.object({
  candidate: z.string().max(2_000),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
});

/**
 * Client → server. `offer` opens the participant's publishing connection; `answer` answers the server's offer of
 * another participant's media (`from`); a candidate without `from` belongs to the publishing connection.
 */
export const devCallClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('join'),
    room: id,
    participantId: id,
    displayName: z.string().max(200),
    token: z.string().max(4_096),
    hasAudio: z.boolean(),
    hasVideo: z.boolean(),
    audioMuted: z.boolean(),
    videoMuted: z.boolean(),
  }),
  z.object({ type: z.literal('offer'), sdp }),
  z.object({ type: z.literal('answer'), from: id, sdp }),
  z.object({ type: z.literal('candidate'), from: id.optional(), candidate }),
  z.object({ type: z.literal('mute'), kind: z.enum(['audio', 'video']), muted: z.boolean() }),
  z.object({ type: z.literal('renew'), token: z.string().max(4_096) }),
  z.object({ type: z.literal('leave') }),
]);
export type DevCallClientMessage = z.infer<typeof devCallClientMessageSchema>;

/** Why the server refused or ended a participant; the provider maps these onto `CallErrorKind`. */
export const devCallErrorCodeSchema = z.enum(['auth', 'rejected', 'replaced', 'bad-request']);
export type DevCallErrorCode = z.infer<typeof devCallErrorCodeSchema>;

/** Server → client. The server's SDP carries all its ICE candidates (it gathers before answering or offering). */
export const devCallServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('joined'), participantId: id, participants: z.array(devCallParticipantSchema), expiresAt: z.number() }),
  z.object({ type: z.literal('answer'), sdp }),
  z.object({ type: z.literal('offer'), from: id, sdp }),
  z.object({ type: z.literal('participant-joined'), participant: devCallParticipantSchema }),
  z.object({ type: z.literal('participant-left'), participantId: id }),
  z.object({ type: z.literal('participant-updated'), participant: devCallParticipantSchema }),
  z.object({ type: z.literal('renewed'), expiresAt: z.number() }),
  z.object({ type: z.literal('error'), code: devCallErrorCodeSchema, message: z.string().max(1_000) }),
]);
export type DevCallServerMessage = z.infer<typeof devCallServerMessageSchema>;

export type ParsedMessage<T> = { ok: true; message: T } | { ok: false; error: string };

/** Parses one WebSocket text frame; the error says in words what was wrong (first problem only). */
function parseWith<T>(schema: z.ZodType<T>, text: string): ParsedMessage<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the message is not JSON' };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, error: `invalid message${where}: ${issue?.message ?? 'unknown shape'}` };
}

export const parseDevCallClientMessage = (text: string) => parseWith(devCallClientMessageSchema, text);
export const parseDevCallServerMessage = (text: string) => parseWith(devCallServerMessageSchema, text);
