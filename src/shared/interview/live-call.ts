// A script's live call (`live`): which provider the candidate joins and the channel (Agora) or room (LiveKit).
// The cloud recording of that call is named by the script's `agoraChannel` / `livekitRoom`: the candidate must
// join the very channel that is recorded, so `live` and those fields name one channel, never two.
import { z } from 'zod';
import { callChannelSchema, callTokenProviders } from '../domain/call-join';

export const liveCallSchema = z.strictObject({
  provider: z.enum(callTokenProviders),
  /** Agora's channel, LiveKit's room or the development call server's room: 1–64 of Agora's channel characters. */
  channel: callChannelSchema.optional(),
  /** LiveKit's word for the channel: accepted, and stored as `channel`. */
  room: callChannelSchema.optional(),
});
export type LiveCall = { provider: z.output<typeof liveCallSchema>['provider']; channel: string };

/** Where a provider's cloud recording is named in the script. */
const RECORDED_AS = { agora: 'agoraChannel', livekit: 'livekitRoom' } as const;

interface Named {
  live?: { provider: LiveCall['provider']; channel?: string; room?: string } | undefined;
  agoraChannel?: string | undefined;
  livekitRoom?: string | undefined;
}

/**
 * The live call's one channel, or why there is none: `channel` and `room` must agree, and so must the field the
 * provider's cloud recording is registered for (which is filled in when the script leaves it out). A development
 * call with no channel of its own joins the channel the script's cloud recording names.
 */
export function resolveLiveChannel(script: Named): { channel: string } | { problem: string; path: string[] } {
  const { live } = script;
  if (!live) return { problem: 'no live call', path: ['live'] };
  if (live.channel !== undefined && live.room !== undefined && live.channel !== live.room)
    return { problem: `names two channels: channel "${live.channel}" and room "${live.room}"; give one`, path: ['live', 'room'] };
  const own = live.channel ?? live.room;
  if (live.provider === 'dev') {
    const channel = own ?? script.agoraChannel ?? script.livekitRoom;
    return channel === undefined ? { problem: 'needs a channel: set live.channel', path: ['live', 'channel'] } : { channel };
  }
  const field = RECORDED_AS[live.provider];
  const recorded = script[field];
  if (own !== undefined && recorded !== undefined && own !== recorded)
    return {
      problem: `joins "${own}" but the cloud recording is for ${field} "${recorded}": name the channel once (live.channel or ${field})`,
      path: ['live', 'channel'],
    };
  const channel = own ?? recorded;
  return channel === undefined ? { problem: `needs a channel: set live.channel (or ${field})`, path: ['live', 'channel'] } : { channel };
}
