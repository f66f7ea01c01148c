// Join information for live calls: what the renderer asks the core for and what it gets (the IPC channel
// getCallToken and the core's call-tokens service share these).
import { z } from 'zod';

/** The call providers whose join tokens come from a token endpoint the app is configured with. */
export const callTokenProviders = ['agora', 'livekit', 'dev'] as const;
export type CallTokenProvider = (typeof callTokenProviders)[number];

/** Agora channel names and LiveKit room names, in Agora's documented alphabet (the stricter of the two). */
export const callChannelSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/,
    'expected a channel name: 1–64 letters, digits, spaces or !#$%&()+-:;<=.>?@[]^_{}|~,',
  );
const participantId = z.string().regex(/^[\w.@-]{1,128}$/, 'expected a participant id: 1–128 letters, digits, . @ _ or -');

export const callTokenRequestSchema = z.strictObject({
  provider: z.enum(callTokenProviders),
  channel: callChannelSchema,
  participantId,
  /** The candidate publishes; a watcher only subscribes. */
  role: z.enum(['publisher', 'subscriber']).default('publisher'),
});
export type CallTokenRequest = z.input<typeof callTokenRequestSchema>;

export const callJoinSchema = z.object({
  /**
   * The join token. Named `ticket`, not `token`: every IPC answer is redacted on its way out, which blanks any
   * value under a secret-sounding key, and this one is meant for the renderer (the call SDK joins with it). It is
   * short-lived and good for one channel and one participant; the endpoint's own credentials never leave the core.
   */
  ticket: z.string().min(1).max(4_096),
  /** Epoch milliseconds; absent when the endpoint gave no expiry. */
  expiresAt: z.number().int().optional(),
  /** Agora only: the App ID from configuration. */
  appId: z.string().optional(),
  /** Agora only: `calls.agoraSdk`, which Agora SDK the call runs on (`native`: the dedicated call window). */
  agoraSdk: z.enum(['web', 'native']).optional(),
  /** LiveKit only: the server URL from configuration. */
  serverUrl: z.string().optional(),
  /** `calls.joinTimeoutSeconds`: how long a join may take before the call is given up. */
  joinTimeoutSeconds: z.number().int().positive(),
});
export type CallJoin = z.output<typeof callJoinSchema>;
