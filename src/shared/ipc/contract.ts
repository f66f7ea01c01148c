import { z } from 'zod';
import { cloudSessionSchema } from '../domain/cloud';
import { interviewLinkSchema } from '../domain/interview-link';
import { finalizeProgressSchema } from '../domain/recording';
import { uploadProgressSchema } from '../domain/upload';
import { nativeCallReportSchema } from '../call/native-call-protocol';
import { updateStateSchema } from '../domain/updates';
import { appChannels } from './channels/app';
import { callChannels } from './channels/call';
import { cloudChannels } from './channels/cloud';
import { finalizeChannels } from './channels/finalize';
import { interviewChannels } from './channels/interview';
import { interviewerCloudChannels } from './channels/interviewer-cloud';
import { notesChannels } from './channels/notes';
import { recordingChannels } from './channels/recording';
import { reviewChannels } from './channels/review';
import { settingsChannels } from './channels/settings';
import { uploadChannels } from './channels/upload';
import { updatesChannels } from './channels/updates';

/**
 * A channel: its request and response schemas, and (rarely) the response keys whose string values are playback URLs
 * the renderer must receive whole — the one exemption from the dispatcher's redaction (docs/security.md).
 */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
  playbackFields?: readonly string[];
}

/**
 * The single source of truth for every call between the renderer and the main process.
 * Each key is both the channel name and the name of the function on `window.api`.
 */
export const channels = {
  ...appChannels,
  ...interviewChannels,
  ...recordingChannels,
  ...finalizeChannels,
  ...uploadChannels,
  ...cloudChannels,
  ...interviewerCloudChannels,
  ...callChannels,
  ...notesChannels,
  ...reviewChannels,
  ...settingsChannels,
  ...updatesChannels,
} as const satisfies Record<string, ChannelSpec>;

/** Events pushed from the main process to the renderer. */
export const events = {
  recordingsChanged: z.object({ recordingId: z.string() }),
  finalizeProgress: finalizeProgressSchema,
  uploadProgress: uploadProgressSchema,
  cloudSessionChanged: cloudSessionSchema,
  /** A link to open an interview arrived (waiting), or was opened or refused. */
  interviewLink: interviewLinkSchema,
  /** The native Agora call window's events and stats (see the `nativeCall` channel). */
  nativeCallReport: nativeCallReportSchema,
  /** The app's own update: checking, on offer, download progress, ready to restart, or why it never updates. */
  updateState: updateStateSchema,
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
