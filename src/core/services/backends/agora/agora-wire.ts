import { z } from 'zod';

/** The Agora backend's wire format (agora-recording-api.md): snake_case requests, `{status, message, data}` replies. */

export const envelopeSchema = z.object({
  status: z.number().int(),
  message: z.string(),
  data: z.unknown().optional(),
});

const idString = z.union([z.string(), z.number()]).transform(String);
const epochMs = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** Agora itself spells it `fileName`; the backend document `filename`. Either is accepted. */
const fileEntrySchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !('filename' in value) && 'fileName' in value
      ? { ...value, filename: (value as { fileName: unknown }).fileName }
      : value,
  z.object({
    filename: z.string().min(1),
    s3_url: z.string().optional(),
    trackType: z.string().optional(),
    uid: idString.optional(),
    mixedAllUser: z.boolean().optional(),
    isPlayable: z.boolean().optional(),
    sliceStartTime: epochMs.optional(),
  }),
);
export type AgoraFile = z.output<typeof fileEntrySchema>;

/** In `fileListMode: "string"` Agora sends one file name as a string instead of a list. */
const fileListSchema = z
  .union([z.array(fileEntrySchema), z.string()])
  .optional()
  .transform((list): AgoraFile[] => (typeof list === 'string' ? (list ? [{ filename: list }] : []) : (list ?? [])));

export const startDataSchema = z.object({
  resourceId: z.string().min(1),
  sid: z.string().min(1),
  channelName: z.string(),
  uid: idString,
});

export const queryDataSchema = z.object({
  resourceId: z.string().min(1),
  sid: z.string().min(1),
  serverResponse: z.object({
    status: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
    sliceStartTime: epochMs.optional(),
    fileListMode: z.string().optional(),
    fileList: fileListSchema,
  }),
});

export const stopDataSchema = z.object({
  resourceId: z.string().min(1),
  sid: z.string().min(1),
  serverResponse: z
    .object({
      fileListMode: z.string().optional(),
      fileList: fileListSchema,
      uploadingStatus: z.string().optional(),
    })
    .optional()
    .transform((response) => response ?? { fileList: [] as AgoraFile[] }),
});

export const scheduleRecordingSchema = z.object({
  _id: z.string(),
  channel_name: z.string(),
  uid: idString,
  resource_id: z.string(),
  sid: z.string(),
  schedule_id: z.string().nullable().optional(),
  status: z.string(),
  started_at: z.string().nullable().optional(),
  stopped_at: z.string().nullable().optional(),
  recording_url: z.string().nullable().optional(),
  file_list: fileListSchema,
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type AgoraScheduleRecording = z.output<typeof scheduleRecordingSchema>;

export const scheduleDataSchema = z.object({
  schedule_id: z.string(),
  total_count: z.number().int().nonnegative(),
  s3_bucket: z.string().optional(),
  s3_region: z.string().optional(),
  s3_base_url: z.string().optional(),
  recordings: z.array(scheduleRecordingSchema),
});

export const validationDataSchema = z.object({ errors: z.record(z.string(), z.array(z.string())) });
export const serverErrorDataSchema = z.object({ error: z.string() });

/** `serverResponse.status` of a query, in words (the document's table). */
export const AGORA_STATUS_TEXT: Readonly<Record<number, string>> = {
  0: 'Recording has not started',
  1: 'Initialization complete',
  2: 'Recorder is starting',
  3: 'Uploader is ready',
  4: 'Recorder is ready',
  5: 'Recording in progress',
  6: 'Recording paused',
  7: 'Recording stopped',
  8: 'Recording exited',
  20: 'Recording abnormal exit',
};

/** The query status of a recording that was stopped. */
export const AGORA_STOPPED = 7;

export const agoraStatusText = (status: number): string => AGORA_STATUS_TEXT[status] ?? `Unknown recording status ${status}`;

/** Statuses at which the cloud recording is alive and healthy (initializing counts: it is on its way). */
export const isAgoraStatusHealthy = (status: number): boolean => status >= 0 && status < AGORA_STOPPED;

// Agora's documented channel-name alphabet: letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,
const CHANNEL_PATTERN = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
const MAX_UID = 2 ** 32 - 1;

/** Checks the documented limits before sending, so a bad ID is a clear message instead of a 422 round trip. */
export function agoraIdProblems(channel: string, uid: string): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!channel) problems.channel_name = ['The channel name is required.'];
  else if (channel.length > 64) problems.channel_name = [`The channel name is ${channel.length} characters; Agora allows at most 64.`];
  else if (!CHANNEL_PATTERN.test(channel))
    problems.channel_name = ['The channel name may contain only letters, digits, spaces and !#$%&()+-:;<=.>?@[]^_{}|~,'];
  if (!uid) problems.uid = ['The uid is required.'];
  else if (!/^\d+$/.test(uid) || Number(uid) > MAX_UID) problems.uid = ['The uid must be a string of digits (0 to 4294967295).'];
  return problems;
}
