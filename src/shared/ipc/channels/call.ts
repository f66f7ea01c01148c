import { z } from 'zod';
import { callJoinSchema, callTokenRequestSchema } from '../../domain/call-join';
import { nativeCallAnswerSchema, nativeCallCommandSchema } from '../../call/native-call-protocol';

/** Live calls: everything the renderer needs to join one, fetched by the core from the configured token endpoint. */
export const callChannels = {
  getCallToken: { request: callTokenRequestSchema, response: callJoinSchema },
  /**
   * The candidate of a live interview is in the call (connected, publishing): the recording's cloud recordings
   * are registered now, not when it started. Repeating it (after a reconnect) changes nothing.
   */
  callJoined: { request: z.strictObject({ recordingId: z.string().min(1).max(128) }), response: z.null() },
  /**
   * An Agora call on Agora's native SDK (`calls.agoraSdk: native`): connect, mute or leave, relayed by the main
   * process to the dedicated call window, whose events come back as `nativeCallReport`. Only the desktop app on
   * Windows and macOS accepts it; elsewhere the answer is `accepted: false` with why.
   */
  nativeCall: { request: nativeCallCommandSchema, response: nativeCallAnswerSchema },
} as const;
