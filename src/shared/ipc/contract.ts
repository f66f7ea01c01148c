import { z } from 'zod';
import { configProblemSchema } from '../config/schema';
import { doctorReportSchema } from '../domain/doctor';
import { recordingSummarySchema } from '../domain/recording';

/**
 * The single source of truth for every call between the renderer and the main process.
 * Each key is both the channel name and the name of the function on `window.api`.
 */
export const channels = {
  getAppInfo: {
    request: z.undefined(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'browser-host']),
      platform: z.string(),
      dataDir: z.string(),
      configProblems: z.array(configProblemSchema),
    }),
  },
  runDoctor: {
    request: z.undefined(),
    response: doctorReportSchema,
  },
  listRecordings: {
    request: z
      .strictObject({
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .optional(),
    response: z.array(recordingSummarySchema),
  },
  writeLog: {
    request: z.strictObject({
      level: z.enum(['debug', 'info', 'warn', 'error']),
      message: z.string().min(1).max(4000),
      context: z
        .record(z.string(), z.unknown())
        .refine((context) => JSON.stringify(context).length <= 8000, 'context must stay under 8000 characters of JSON')
        .optional(),
    }),
    response: z.null(),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Events pushed from the main process to the renderer. */
export const events = {
  recordingsChanged: z.object({ recordingId: z.string() }),
} as const satisfies Record<string, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;
export type RequestOf<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ParsedRequestOf<K extends ChannelName> = z.output<Channels[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Channels[K]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: string): name is ChannelName => Object.hasOwn(channels, name);

/** Electron IPC channel strings, namespaced so they cannot collide with Electron's own. */
export const ipcChannel = (name: ChannelName): string => `irec:${name}`;
export const IPC_EVENT_CHANNEL = 'irec:event';
