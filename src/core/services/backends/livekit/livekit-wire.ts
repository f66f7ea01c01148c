import { z } from 'zod';

/** The LiveKit recording backend's wire format (livekit-recording-api.md): camelCase JSON, errors as `{error, code}`. */

/** An egress's `status`: 0 while it records or is processed, then ready (1) or failed (2). */
export const EGRESS_STATUS = { processing: 0, ready: 1, failed: 2 } as const;
export const LIVEKIT_STATUS_TEXT = { 0: 'Processing', 1: 'Ready', 2: 'Failed' } as const;
export type LivekitStatus = keyof typeof LIVEKIT_STATUS_TEXT;

const statusSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const startReplySchema = z.object({ egressId: z.string().min(1), status: z.string() });
export const stopReplySchema = z.object({ status: z.string(), message: z.string().optional() });

export const egressSchema = z.object({
  egressId: z.string().min(1),
  roomName: z.string().optional(),
  status: statusSchema,
  downloadUrl: z.string().optional(),
  duration: z.number().nonnegative().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  error: z.string().optional(),
});
export type LivekitEgress = z.output<typeof egressSchema>;

export const listReplySchema = z.object({ recordings: z.array(egressSchema) });
export const deleteReplySchema = z.object({ message: z.string() });
export const errorReplySchema = z.object({ error: z.string(), code: z.string().optional() });

/** The documented limits per minute; /stop has none. /status and /list are counted together (the stricter reading). */
export const LIVEKIT_RATE_LIMITS = { start: 10, read: 60, delete: 5 } as const;
export type LivekitRateGroup = keyof typeof LIVEKIT_RATE_LIMITS;
