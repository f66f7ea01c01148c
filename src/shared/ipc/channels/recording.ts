import { z } from 'zod';
import { recordingKinds } from '../../domain/recording';
import { bytesSchema } from '../bytes';

const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

export const recordingEventKinds = [
  'question.start',
  'question.end',
  'question.retake',
  'window.blur',
  'window.focus',
  'visibility.hidden',
  'visibility.visible',
  'fullscreen.enter',
  'fullscreen.exit',
  'displays.changed',
  'track.ended',
  'track.muted',
  'track.unmuted',
  'speech.unavailable',
  'recorder.backpressure',
  'recorder.error',
  'disk.low',
  'disk.critical',
  /** A live interview's call was down (data: downMs, reason, recovered): written when it is back, or at the stop. */
  'call.dropped',
] as const;
export type RecordingEventKind = (typeof recordingEventKinds)[number];

/** The capture path: start, one-second chunks acknowledged only once durable, segments, markers, stop. */
export const recordingChannels = {
  getDiskStatus: {
    request: z.undefined(),
    response: z.object({ dataDir: z.string(), freeBytes: z.number().nullable(), minFreeBytes: z.number() }),
  },
  startRecording: {
    request: z.strictObject({
      interviewId: z.string().min(1),
      mimeType: z.string().min(1).max(100),
      /** `backup`: the interviewer's local backup of the call; the candidate's recording when absent. */
      kind: z.enum(recordingKinds).optional(),
    }),
    response: z.object({ recordingId: z.string(), segment: z.number().int() }),
  },
  appendChunk: {
    request: z.strictObject({
      recordingId: z.string().min(1),
      segment: z.number().int().min(0),
      index: z.number().int().min(0),
      bytes: bytesSchema.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_CHUNK_BYTES, 'a chunk is 1 byte to 16 MiB'),
      /** The recorder's time at the end of this chunk, from the segment's start: a crashed recording's length. */
      mediaEndMs: z.number().min(0).max(86_400_000).optional(),
    }),
    response: z.object({
      index: z.number().int(),
      offset: z.number().int(),
      size: z.number().int(),
      freeBytes: z.number().nullable(),
      critical: z.boolean(),
    }),
  },
  startSegment: {
    request: z.strictObject({ recordingId: z.string().min(1), reason: z.enum(['retake', 'device-lost', 'recorder-restart']) }),
    response: z.object({ segment: z.number().int() }),
  },
  /** Continues a paused interview as a new segment of the same recording (the candidate chose "Continue"). */
  resumeRecording: {
    request: z.strictObject({ recordingId: z.string().min(1), mimeType: z.string().min(1).max(100) }),
    response: z.object({ recordingId: z.string(), segment: z.number().int(), recordedMs: z.number().min(0) }),
  },
  /**
   * The page that records is going away (reload, close): keep what is durable and wait for the candidate. A backup
   * recording is stopped instead (finalized and sent): nobody continues it.
   */
  suspendRecording: {
    request: z.strictObject({ recordingId: z.string().min(1) }),
    response: z.object({ state: z.enum(['paused', 'stopped']) }),
  },
  /** The candidate chose "Submit what was recorded" for a paused interview: it is stopped, finalized and sent. */
  submitPausedRecording: {
    request: z.strictObject({ recordingId: z.string().min(1) }),
    response: z.object({ state: z.literal('stopped') }),
  },
  stopRecording: {
    request: z.strictObject({
      recordingId: z.string().min(1),
      durationMs: z.number().min(0),
      reason: z.enum(['finished', 'disk-low', 'device-lost', 'error', 'cancelled']),
    }),
    response: z.object({ state: z.literal('stopped') }),
  },
  recordEvent: {
    request: z.strictObject({
      interviewId: z.string().min(1),
      recordingId: z.string().min(1).optional(),
      kind: z.enum(recordingEventKinds),
      at: z.iso.datetime(),
      data: z
        .record(z.string(), z.unknown())
        .refine((d) => JSON.stringify(d).length <= 4000, 'event data must stay under 4000 characters of JSON')
        .optional(),
    }),
    response: z.null(),
  },
} as const;
