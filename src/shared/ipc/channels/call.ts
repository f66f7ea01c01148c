import { callJoinSchema, callTokenRequestSchema } from '../../domain/call-join';

/** Live calls: everything the renderer needs to join one, fetched by the core from the configured token endpoint. */
export const callChannels = {
  getCallToken: { request: callTokenRequestSchema, response: callJoinSchema },
} as const;
