import type { z } from 'zod';
import { NO_CLOUD_STORAGE_WORDS } from '../../../../shared/domain/cloud-health';
import { BACKEND_LABELS, BackendError, describeFieldErrors, HTTP, kindForStatus } from '../backend-error';
import { parseReply, sendHttp, type FetchPort, type HttpReply } from '../http-json';
import {
  agoraIdProblems,
  agoraStatusText,
  envelopeSchema,
  queryDataSchema,
  scheduleDataSchema,
  serverErrorDataSchema,
  startDataSchema,
  stopDataSchema,
  validationDataSchema,
  type AgoraFile,
} from './agora-wire';

export interface AgoraTarget {
  channel: string;
  uid: string;
}
export interface AgoraRecordingRef extends AgoraTarget {
  resourceId: string;
  sid: string;
}
export type AgoraStarted = AgoraRecordingRef;
export interface AgoraQueried extends AgoraRecordingRef {
  status: number;
  statusText: string;
  sliceStartTime?: number;
  files: AgoraFile[];
}
export interface AgoraStopped extends AgoraRecordingRef {
  files: AgoraFile[];
  uploadingStatus?: string;
}

export type AgoraClient = ReturnType<typeof createAgoraClient>;

const LABEL = BACKEND_LABELS.agora;

/** A non-200 reply (in the HTTP status or the body's `status`) in words a person understands. */
function replyError(reply: HttpReply, what: string): BackendError {
  const envelope = envelopeSchema.safeParse(reply.body);
  const status = envelope.success && envelope.data.status !== HTTP.ok ? envelope.data.status : reply.status;
  const message = envelope.success ? envelope.data.message : reply.text || `HTTP ${reply.status}`;
  const validation = envelope.success ? validationDataSchema.safeParse(envelope.data.data) : undefined;
  if (status === HTTP.unprocessable && validation?.success) {
    const fieldErrors = validation.data.errors;
    return new BackendError({
      backend: 'agora',
      kind: 'invalid',
      status,
      fieldErrors,
      message: `The ${LABEL} refused to ${what}: ${message} (${describeFieldErrors(fieldErrors)}).`,
    });
  }
  const detail = envelope.success ? serverErrorDataSchema.safeParse(envelope.data.data) : undefined;
  const reason = detail?.success ? `${message}: ${detail.data.error}` : message;
  return new BackendError({
    backend: 'agora',
    kind: kindForStatus(status),
    status,
    message: `The ${LABEL} could not ${what} (HTTP ${status}): ${reason}.`,
  });
}

/**
 * The Agora cloud-recording backend: start, query, stop and the recordings of an interview schedule.
 * Requests use the document's snake_case fields exactly; every reply is validated before it is believed.
 */
export function createAgoraClient(baseUrl: string, fetchPort?: FetchPort) {
  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, what: string) {
    const reply = await sendHttp('agora', baseUrl, { method, path, body }, fetchPort);
    const envelope = envelopeSchema.safeParse(reply.body);
    if (reply.status !== HTTP.ok || !envelope.success || envelope.data.status !== HTTP.ok) {
      if (reply.status === HTTP.ok && !envelope.success) parseReply('agora', envelopeSchema, reply.body, what);
      throw replyError(reply, what);
    }
    return parseReply('agora', schema, envelope.data.data, what);
  }

  function checkIds({ channel, uid }: AgoraTarget): void {
    const fieldErrors = agoraIdProblems(channel, uid);
    if (Object.keys(fieldErrors).length) {
      throw new BackendError({
        backend: 'agora',
        kind: 'invalid',
        fieldErrors,
        message: `Not sent to the ${LABEL}: ${describeFieldErrors(fieldErrors)}`,
      });
    }
  }

  const refBody = (ref: AgoraRecordingRef) => ({ channel_name: ref.channel, uid: ref.uid, resource_id: ref.resourceId, sid: ref.sid });

  return {
    baseUrl,

    async start(input: AgoraTarget & { scheduleId?: string }): Promise<AgoraStarted> {
      checkIds(input);
      const body = { channel_name: input.channel, uid: input.uid, ...(input.scheduleId ? { schedule_id: input.scheduleId } : {}) };
      const data = await call('POST', 'recording/start', body, startDataSchema, 'start the cloud recording');
      return { channel: data.channelName || input.channel, uid: data.uid, resourceId: data.resourceId, sid: data.sid };
    },

    async query(ref: AgoraRecordingRef): Promise<AgoraQueried> {
      checkIds(ref);
      const data = await call('POST', 'recording/query', refBody(ref), queryDataSchema, 'query the cloud recording');
      const { status, sliceStartTime, fileList } = data.serverResponse;
      return { ...ref, status, statusText: agoraStatusText(status), sliceStartTime, files: fileList };
    },

    /**
     * Stops the cloud recording. A stop that returns no files is not a success: Agora had nowhere to upload
     * (agora-cloud-recording-setup.md). It throws `no-cloud-storage`, with the reply, after the stop happened.
     */
    async stop(ref: AgoraRecordingRef & { scheduleId?: string }): Promise<AgoraStopped> {
      checkIds(ref);
      const body = { ...refBody(ref), ...(ref.scheduleId ? { schedule_id: ref.scheduleId } : {}) };
      const data = await call('POST', 'recording/stop', body, stopDataSchema, 'stop the cloud recording');
      const stopped: AgoraStopped = { ...ref, files: data.serverResponse.fileList, uploadingStatus: data.serverResponse.uploadingStatus };
      if (stopped.files.length === 0) {
        throw new BackendError({
          backend: 'agora',
          kind: 'no-cloud-storage',
          status: HTTP.ok,
          reply: stopped,
          message:
            `The cloud recording stopped, but ${NO_CLOUD_STORAGE_WORDS}: Agora returned no files ` +
            `(the backend must send a storageConfig when it starts a recording; see docs/backends.md, "Agora without cloud storage").`,
        });
      }
      return stopped;
    },

    async listBySchedule(scheduleId: string) {
      if (!scheduleId) throw new BackendError({ backend: 'agora', kind: 'invalid', message: 'A schedule ID is required.' });
      return call(
        'GET',
        `recording/interview/${encodeURIComponent(scheduleId)}`,
        undefined,
        scheduleDataSchema,
        'list the interview recordings',
      );
    },
  };
}

/** The file a person opens: the MP4 when there is one (HLS playlists need a player), else the first file. */
export function playableFile(files: readonly AgoraFile[]): AgoraFile | undefined {
  return files.find((file) => file.filename.endsWith('.mp4')) ?? files[0];
}
