// Agora's native SDK runs in a call window of its own (docs/security.md, "The native call window"). These are the
// messages around it, validated with zod on every hop: the interview window's commands (a contract channel), the
// call window's few IPC channels to the main process, and its reports, which main passes on to the interview window.
import { z } from 'zod';
import { callErrorKinds } from './call-errors';
import { APP_SCHEME } from '../product';
import { callChannelSchema } from '../domain/call-join';

/** The call window's page is served on a host of its own, so it is never the app's origin (APP_ORIGIN). */
export const NATIVE_CALL_HOST = 'native-call';
export const NATIVE_CALL_ORIGIN = `${APP_SCHEME}://${NATIVE_CALL_HOST}`;
/** Its session: in memory only (no `persist:`), shared with no other window. */
export const NATIVE_CALL_PARTITION = 'irec-native-call';

/** The call window's channels; none of them is a contract channel, and the app's dispatcher refuses its origin. */
export const NATIVE_CALL_IPC = {
  /** window → main (invoke): what to join. */
  order: 'irec-native-call:order',
  /** window → main (invoke): a fresh join token for that join. */
  token: 'irec-native-call:token',
  /** window → main (send): a call event or stats, for the interview window. */
  report: 'irec-native-call:report',
  /** main → window (send): mute or leave. */
  command: 'irec-native-call:command',
} as const;

const detail = z.string().max(300);
const participantId = z.string().regex(/^[\w.@-]{1,128}$/);
const callErrorSchema = z.strictObject({ kind: z.enum(callErrorKinds), detail });
/** 0 unknown, 1 excellent … 6 down (NetworkQuality). */
const quality = z.literal([0, 1, 2, 3, 4, 5, 6]);

const participantSchema = z.strictObject({
  id: participantId,
  displayName: z.string().max(200).optional(),
  isLocal: z.boolean(),
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
  audioMuted: z.boolean(),
  videoMuted: z.boolean(),
});

/** The InterviewCall's events (src/renderer/features/call/interview-call.ts), as they cross processes. */
export const callEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('state'),
    state: z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'disconnected']),
    error: callErrorSchema.optional(),
  }),
  z.strictObject({ type: z.literal('participant-joined'), participant: participantSchema }),
  z.strictObject({ type: z.literal('participant-left'), participantId }),
  z.strictObject({ type: z.literal('participant-updated'), participant: participantSchema }),
  z.strictObject({ type: z.literal('quality'), participantId, uplink: quality, downlink: quality }),
  z.strictObject({ type: z.literal('error'), error: callErrorSchema }),
]);

const rate = z.number().nonnegative().optional();
export const callStatsSchema = z.strictObject({
  rttMs: rate,
  sendBitsPerSecond: rate,
  receiveBitsPerSecond: rate,
  framesDecoded: z.record(participantId, z.number().int().nonnegative()),
  packetsLost: z.number().int().nonnegative().optional(),
});

/** What the call window reports: every event of its call, and its stats every few seconds. */
export const nativeCallReportSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('event'), event: callEventSchema }),
  z.strictObject({ type: z.literal('stats'), stats: callStatsSchema }),
]);
export type NativeCallReport = z.output<typeof nativeCallReportSchema>;

const joinFields = {
  channel: callChannelSchema,
  participantId,
  displayName: z.string().max(200),
};

/** The interview window's commands (the contract's `nativeCall`); main relays them to the call window. */
export const nativeCallCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('connect'), ...joinFields, timeoutMs: z.number().int().min(1_000).max(180_000) }),
  z.strictObject({ command: z.literal('disconnect') }),
  z.strictObject({ command: z.literal('mute'), kind: z.enum(['audio', 'video']), muted: z.boolean() }),
]);
export type NativeCallCommand = z.output<typeof nativeCallCommandSchema>;

/** `accepted: false`: this computer cannot run the native SDK (Linux, the browser host); `detail` says why. */
export const nativeCallAnswerSchema = z.strictObject({ accepted: z.boolean(), detail: detail.optional() });
export type NativeCallAnswer = z.output<typeof nativeCallAnswerSchema>;

/** What the call window is to join (main's answer to `order`): no token, which it asks for on its own. */
export const nativeCallOrderSchema = z.strictObject({
  ...joinFields,
  /** `backends.agora.appId`; absent, the call fails as the Web SDK's does (no App ID). */
  appId: z.string().max(64).optional(),
  timeoutMs: z.number().int().positive(),
});
export type NativeCallOrder = z.output<typeof nativeCallOrderSchema>;

/** A join token as the call window gets it (named `ticket` like the contract's), or why there is none. */
export const nativeCallTicketSchema = z.union([
  z.strictObject({ ticket: z.string().min(1).max(4_096), expiresAt: z.number().int().optional() }),
  z.strictObject({ error: callErrorSchema }),
]);
export type NativeCallTicket = z.output<typeof nativeCallTicketSchema>;

/** Main → call window: the commands it relays, without `connect` (a call window joins once, by its order). */
export const nativeCallWindowCommandSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('disconnect') }),
  z.strictObject({ command: z.literal('mute'), kind: z.enum(['audio', 'video']), muted: z.boolean() }),
]);
export type NativeCallWindowCommand = z.output<typeof nativeCallWindowCommandSchema>;
