import type { z } from 'zod';
import { BACKEND_LABELS, BackendError, HTTP, isBackendError, kindForStatus } from '../backend-error';
import { parseReply, sendHttp, type FetchPort, type HttpReply } from '../http-json';
import {
  chunkReplySchema,
  chunkStatusSchema,
  errorReplySchema,
  finalizeAsyncReplySchema,
  finalizeReplySchema,
  initReplySchema,
  TRANSCODE_FAILURES,
  videoReplySchema,
  type MediaVideoReply,
} from './media-wire';

export interface MediaInitRequest {
  sessionId?: string;
  expectedChunks?: number;
  expectedDuration?: number;
  site: string;
  storage?: string;
  metadata?: Record<string, string>;
  videoSettings?: { format: string; quality?: string };
}

export interface MediaChunk {
  sessionId: string;
  chunkIndex: number;
  bytes: Uint8Array<ArrayBuffer>;
  totalChunks?: number;
  timestamp?: number;
  /** The part's file name in the multipart body. */
  filename?: string;
  contentType?: string;
}

export interface MediaFinalizeRequest {
  sessionId: string;
  totalChunks: number;
  totalSize?: number;
  maxWaitSeconds?: number;
}

const LABEL = BACKEND_LABELS.media;
const VIDEO_STATES: readonly number[] = [HTTP.ok, HTTP.accepted, HTTP.serverError];

function replyError(reply: HttpReply, what: string): BackendError {
  const parsed = errorReplySchema.safeParse(reply.body);
  const reason = parsed.success ? parsed.data.error : reply.text || `HTTP ${reply.status}`;
  const status = reply.status;
  return new BackendError({
    backend: 'media',
    kind: kindForStatus(status),
    status,
    reply: reply.body,
    message: `The ${LABEL} could not ${what} (HTTP ${status}): ${reason}.`,
  });
}

/**
 * The Media Recording API (chunk-upload backend): init a session, upload chunks (multipart, idempotent by
 * chunkIndex), finalize synchronously or asynchronously, ask which chunks arrived, and fetch the video's state.
 */
export function createMediaClient(baseUrl: string, fetchPort?: FetchPort) {
  async function call<S extends z.ZodType>(
    request: { method: 'GET' | 'POST'; path: string; body?: unknown; timeoutMs?: number },
    schema: S,
    what: string,
    accept: readonly number[] = [HTTP.ok],
  ): Promise<z.output<S>> {
    const reply = await sendHttp('media', baseUrl, request, fetchPort);
    if (!accept.includes(reply.status)) throw replyError(reply, what);
    return parseReply('media', schema, reply.body, what);
  }

  return {
    baseUrl,
    init: (request: MediaInitRequest) =>
      call({ method: 'POST', path: 'recording/init', body: request }, initReplySchema, 'start a recording session'),

    uploadChunk(chunk: MediaChunk) {
      const form = new FormData();
      form.append(
        'chunk',
        new Blob([chunk.bytes], { type: chunk.contentType ?? 'application/octet-stream' }),
        chunk.filename ?? `chunk_${chunk.chunkIndex}`,
      );
      form.append('sessionId', chunk.sessionId);
      form.append('chunkIndex', String(chunk.chunkIndex));
      if (chunk.totalChunks !== undefined) form.append('totalChunks', String(chunk.totalChunks));
      if (chunk.timestamp !== undefined) form.append('timestamp', String(chunk.timestamp));
      return call(
        { method: 'POST', path: 'recording/chunk', body: form, timeoutMs: 120_000 },
        chunkReplySchema,
        `store chunk ${chunk.chunkIndex}`,
      );
    },

    /** Synchronous: the reply carries the merged video. The backend may take up to `maxWaitSeconds`. */
    finalize: (request: MediaFinalizeRequest) =>
      call(
        { method: 'POST', path: 'recording/finalize', body: request, timeoutMs: ((request.maxWaitSeconds ?? 30) + 30) * 1000 },
        finalizeReplySchema,
        'finalize the recording',
      ),

    finalizeAsync: (request: MediaFinalizeRequest) =>
      call(
        { method: 'POST', path: 'recording/finalize-async', body: request },
        finalizeAsyncReplySchema,
        'start finalizing the recording',
        [HTTP.ok, HTTP.accepted],
      ),

    chunkStatus: (sessionId: string) =>
      call(
        { method: 'GET', path: `session/${encodeURIComponent(sessionId)}/chunks/status` },
        chunkStatusSchema,
        'report which chunks it has',
      ),

    /** The video's state: `processing`, `completed` (with its URL) or `failed` (with the transcode status). */
    async video(sessionId: string): Promise<MediaVideoReply> {
      const reply = await sendHttp('media', baseUrl, { method: 'GET', path: `session/${encodeURIComponent(sessionId)}/video` }, fetchPort);
      // A failed transcode is reported as a 500 that still carries the video's state.
      const parsed = VIDEO_STATES.includes(reply.status) ? videoReplySchema.safeParse(reply.body) : undefined;
      if (!parsed?.success) throw replyError(reply, 'report the video');
      return parsed.data;
    },
  };
}
export type MediaClient = ReturnType<typeof createMediaClient>;

/** The chunks a finalize was refused for (a 400 naming them): the API lost chunks it had acknowledged. */
export function missingChunksOf(error: unknown): number[] {
  if (!isBackendError(error) || error.status !== HTTP.badRequest) return [];
  return (error.reply as { missingChunks?: number[] } | null)?.missingChunks ?? [];
}

/** The final URL of a completed video, or a failure in words (`storage.transcode.media_recording`). */
export function videoOutcome(
  reply: MediaVideoReply,
): { state: 'processing' } | { state: 'completed'; url: string } | { state: 'failed'; reason: string } {
  const transcode = reply.storage?.transcode?.media_recording;
  const url = reply.video?.s3Url ?? (transcode?.startsWith('http') ? transcode : undefined);
  if (reply.status === 'completed' && url) return { state: 'completed', url };
  const failure = transcode && TRANSCODE_FAILURES[transcode];
  // Any other state (processing, queued, receiving…) is not an outcome yet.
  if (!failure && reply.status !== 'failed' && reply.success !== false) return { state: 'processing' };
  return { state: 'failed', reason: failure ?? reply.error ?? `status ${reply.status}` };
}
