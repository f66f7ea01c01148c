// The chunk-upload Media Recording API (`/api/media`), as media-recording-api.md describes it and, where it is
// silent, as the dev backend's README pins down: `{success:false, error}` errors, idempotent init, chunk uploads
// idempotent by index, finalize (sync) idempotent once completed, finalize-async polled through GET video.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DevContext, given, isCount, isObject } from './context';
import { beginFinalize, resumeFinalizes, runFinalize } from './media-finalize';
import { MAX_CHUNK_BYTES, SESSION_ID, chunkStatus, finalizedAnswer, initAnswer, missingBelow, writeChunk } from './media-session';
import type { MediaSession } from './state-store';
import type { Backend, DevReply, DevRequest, Route } from './types';

const error = (status: number, message: string, extra: Record<string, unknown> = {}): DevReply => ({
  status,
  body: { success: false, error: message, ...extra },
});
const isFile = (value: unknown): value is File => typeof value === 'object' && value !== null && 'arrayBuffer' in value;
/** Form fields arrive as text: an integer field is digits only. */
const formInt = (value: ReturnType<FormData['get']>): number | null =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;

export function mediaBackend(ctx: DevContext): Backend {
  const sessions = ctx.store.state.media;
  const find = (id: unknown): MediaSession | undefined => (typeof id === 'string' ? sessions[id] : undefined);
  const unknown = (id: unknown) => error(404, `Session not found: ${String(id)}`);
  resumeFinalizes(ctx);

  async function init(req: DevRequest): Promise<DevReply> {
    const b = isObject(req.body) ? req.body : {};
    if (typeof b.site !== 'string' || b.site.trim() === '') return error(400, 'site is required');
    if (!ctx.mediaSites.includes(b.site)) return error(404, `Site not found: ${b.site}`);
    if (b.sessionId !== undefined && (typeof b.sessionId !== 'string' || !SESSION_ID.test(b.sessionId))) {
      return error(400, 'sessionId must be 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit');
    }
    if (given(b.expectedChunks) && !isCount(b.expectedChunks)) return error(400, 'expectedChunks must be a non-negative integer');
    if (given(b.expectedDuration) && (typeof b.expectedDuration !== 'number' || !(b.expectedDuration >= 0))) {
      return error(400, 'expectedDuration must be a non-negative number');
    }
    if (given(b.storage) && typeof b.storage !== 'string') return error(400, 'storage must be a string');
    if (given(b.videoSettings) && !isObject(b.videoSettings)) return error(400, 'videoSettings must be an object');
    const existing = find(b.sessionId);
    if (existing) return { status: 200, body: initAnswer(ctx, existing, 'Recording session already initialized') };
    const now = new Date().toISOString();
    const session: MediaSession = {
      sessionId: (b.sessionId as string | undefined) ?? randomUUID(),
      status: 'initialized',
      createdAt: now,
      updatedAt: now,
      expectedChunks: (b.expectedChunks as number | undefined) ?? null,
      expectedDuration: (b.expectedDuration as number | undefined) ?? null,
      videoSettings: isObject(b.videoSettings) ? b.videoSettings : {},
      metadata: isObject(b.metadata) ? b.metadata : {},
      site: b.site,
      storage: (b.storage as string | undefined) ?? null,
      chunks: {},
      transcode: null,
    };
    sessions[session.sessionId] = session;
    ctx.store.save();
    return { status: 200, body: initAnswer(ctx, session, 'Recording session initialized successfully') };
  }

  async function chunk(req: DevRequest): Promise<DevReply> {
    const form = req.form;
    if (!form) return error(400, 'Expected multipart/form-data with chunk, sessionId and chunkIndex');
    const sessionId = form.get('sessionId');
    const file = form.get('chunk');
    const index = formInt(form.get('chunkIndex'));
    const totalChunks = form.has('totalChunks') ? formInt(form.get('totalChunks')) : undefined;
    if (typeof sessionId !== 'string' || sessionId === '') return error(400, 'sessionId is required');
    if (!isFile(file)) return error(400, 'chunk file is required');
    if (index === null) return error(400, 'chunkIndex must be a non-negative integer');
    if (totalChunks === null || totalChunks === 0) return error(400, 'totalChunks must be a positive integer');
    const session = find(sessionId);
    if (!session) return unknown(sessionId);
    if (session.status === 'processing' || session.status === 'completed') return error(409, 'Session already finalized');
    if (file.size > MAX_CHUNK_BYTES) return error(413, `Chunk too large: ${file.size} bytes (the limit is 50 MiB)`);
    writeChunk(ctx, session.sessionId, index, new Uint8Array(await file.arrayBuffer()));
    const duplicate = session.chunks[index] !== undefined;
    session.chunks[index] = { size: file.size, filename: file.name, receivedAt: new Date().toISOString() };
    // The client's totalChunks stands in for an expectedChunks that init did not give.
    if (totalChunks !== undefined && session.expectedChunks === null) session.expectedChunks = totalChunks;
    Object.assign(session, { status: 'receiving', updatedAt: new Date().toISOString() });
    ctx.store.save();
    const totalReceived = Object.keys(session.chunks).length;
    return { status: 200, body: { success: true, sessionId, chunkIndex: index, size: file.size, duplicate, totalReceived } };
  }

  /** Shared checks of both finalize endpoints: the session, or the error answer. */
  function finalizeRequest(req: DevRequest) {
    const b = isObject(req.body) ? req.body : {};
    if (typeof b.sessionId !== 'string' || b.sessionId === '') return error(400, 'sessionId is required');
    if (!isCount(b.totalChunks, 1)) return error(400, 'totalChunks must be a positive integer');
    if (given(b.totalSize) && !isCount(b.totalSize)) return error(400, 'totalSize must be a non-negative integer');
    const session = find(b.sessionId);
    if (!session) return unknown(b.sessionId);
    const wait = typeof b.maxWaitSeconds === 'number' && b.maxWaitSeconds > 0 ? Math.min(b.maxWaitSeconds, 300) : 0;
    return { session, totalChunks: b.totalChunks, totalSize: (b.totalSize as number | undefined) ?? null, wait };
  }

  const missingReply = (missing: number[]) => error(400, `Missing chunks: ${missing.join(', ')}`, { missingChunks: missing });

  /** Waits (polling) until `done` or the deadline; for chunks still in flight and finalizes under way. */
  async function waitFor(done: () => boolean, seconds: number): Promise<void> {
    const deadline = Date.now() + seconds * 1000;
    while (!done() && Date.now() < deadline) await sleep(100);
  }

  async function finalize(req: DevRequest): Promise<DevReply> {
    const r = finalizeRequest(req);
    if ('body' in r) return r;
    const { session } = r;
    // Someone else's finalize (an async one, or a retry racing us) may be merging already: its outcome is ours.
    const settle = () => waitFor(() => session.status !== 'processing', Math.max(r.wait, 60));
    await settle();
    if (session.status !== 'completed') {
      const ready = () => missingBelow(session, r.totalChunks).length === 0 || session.status === 'processing';
      await waitFor(ready, r.wait);
      if (session.status === 'processing') await settle();
      else {
        const missing = missingBelow(session, r.totalChunks);
        if (missing.length) return missingReply(missing);
        const mergeError = Boolean(ctx.faults.take('media', 'finalize', ['mergeError']));
        beginFinalize(ctx, session, { totalChunks: r.totalChunks, totalSize: r.totalSize, mergeError });
        await runFinalize(ctx, session);
      }
    }
    if (session.status === 'completed') return { status: 200, body: finalizedAnswer(session) };
    if (session.status === 'processing') return error(503, 'Finalization is still in progress');
    return error(500, session.error ?? 'Failed to merge chunks');
  }

  async function finalizeAsync(req: DevRequest): Promise<DevReply> {
    const r = finalizeRequest(req);
    if ('body' in r) return r;
    const { session } = r;
    const id = session.sessionId;
    const accepted = (status: string, message: string): DevReply => ({
      status: 202,
      body: { success: true, sessionId: id, status, message, statusUrl: `/api/media/session/${id}/video` },
    });
    if (session.status === 'completed') return accepted('completed', 'Video already finalized');
    if (session.status === 'processing') return accepted('processing', 'Finalization already in progress');
    const missing = missingBelow(session, r.totalChunks);
    if (missing.length) return missingReply(missing);
    const mergeError = Boolean(ctx.faults.take('media', 'finalize-async', ['mergeError']));
    beginFinalize(ctx, session, { totalChunks: r.totalChunks, totalSize: r.totalSize, mergeError });
    ctx.background.later(ctx.mediaProcessingMs, () => runFinalize(ctx, session));
    return accepted('processing', 'Finalization started');
  }

  async function chunksStatus(_req: DevRequest, [id]: string[]): Promise<DevReply> {
    const session = find(id);
    if (!session) return unknown(id);
    const status = chunkStatus(session);
    return {
      status: 200,
      body: { success: true, sessionId: id, status: session.status, ...status, expectedChunks: session.expectedChunks },
    };
  }

  async function video(_req: DevRequest, [id]: string[]): Promise<DevReply> {
    const session = find(id);
    if (!session) return unknown(id);
    const storage = { id: session.storage, transcode: { media_recording: session.transcode } };
    const base = { success: true, sessionId: id, status: session.status };
    if (session.status === 'completed') return { status: 200, body: { ...base, video: session.video, storage } };
    if (session.status === 'processing') return { status: 202, body: { ...base, storage } };
    if (session.status === 'failed') return { status: 500, body: { ...base, success: false, error: session.error, storage } };
    return error(409, 'Session not finalized');
  }

  const route = (method: Route['method'], pattern: RegExp, endpoint: string, handle: Route['handle']): Route => ({
    method,
    pattern,
    endpoint,
    handle,
  });
  return {
    name: 'media',
    prefix: '/api/media',
    routes: [
      route('POST', /^\/recording\/init$/, 'init', init),
      route('POST', /^\/recording\/chunk$/, 'chunk', chunk),
      route('POST', /^\/recording\/finalize$/, 'finalize', finalize),
      route('POST', /^\/recording\/finalize-async$/, 'finalize-async', finalizeAsync),
      route('GET', /^\/session\/([^/]+)\/chunks\/status$/, 'status', chunksStatus),
      route('GET', /^\/session\/([^/]+)\/video$/, 'video', video),
    ],
    error: (status, message) => error(status, message),
    async dispatch(r, req, params) {
      if (ctx.faults.take('media', r.endpoint, ['http500'])) return error(500, 'Internal server error');
      if (req.malformed) return error(400, 'Invalid request body');
      return r.handle(req, params);
    },
  };
}
