import { z } from 'zod';
import { callJoinSchema, callTokenRequestSchema } from '../../domain/call-join';

/** Live calls: everything the renderer needs to join one, fetched by the core from the configured token endpoint. */
export const callChannels = {
  getCallToken: { request: callTokenRequestSchema, response: callJoinSchema },
  /**
   * The candidate of a live interview is in the call (connected, publishing): the recording's cloud recordings
   * are registered now, not when it started. Repeating it (after a reconnect) changes nothing.
   */
  callJoined: { request: z.strictObject({ recordingId: z.string().min(1).max(128) }), response: z.null() },
} as const;
