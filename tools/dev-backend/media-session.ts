// Media API sessions on disk and in answers: where chunks live, which are missing, and the `session` object of
// the init answer with the site and its S3 "space" (here: the local bucket every known site shares).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DevContext } from './context';
import type { MediaSession } from './state-store';

export const MAX_CHUNK_BYTES = 50 * 1024 * 1024;

/** A client-chosen sessionId becomes a folder name: no separators, no leading dot. */
export const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const sessionDir = (ctx: DevContext, sessionId: string): string => path.join(ctx.dataDir, 'media', sessionId);
export const chunkPath = (ctx: DevContext, sessionId: string, index: number): string =>
  path.join(sessionDir(ctx, sessionId), `chunk-${String(index).padStart(6, '0')}.part`);

/** Writes a chunk as temp + rename: a re-sent index replaces the old bytes whole or not at all. */
export function writeChunk(ctx: DevContext, sessionId: string, index: number, bytes: Uint8Array): void {
  const file = chunkPath(ctx, sessionId, index);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, bytes);
  fs.renameSync(`${file}.tmp`, file);
}

export function chunkStatus(session: MediaSession) {
  const received = Object.keys(session.chunks)
    .map(Number)
    .sort((a, b) => a - b);
  const bound = Math.max(session.expectedChunks ?? 0, (received.at(-1) ?? -1) + 1);
  const missingChunks = Array.from({ length: bound }, (_, i) => i).filter((i) => !session.chunks[i]);
  const totalSize = Object.values(session.chunks).reduce((sum, chunk) => sum + chunk.size, 0);
  return { receivedChunks: received, totalReceived: received.length, totalSize, missingChunks };
}

/** Indices 0..totalChunks-1 not received. */
export const missingBelow = (session: MediaSession, totalChunks: number): number[] =>
  Array.from({ length: totalChunks }, (_, i) => i).filter((i) => !session.chunks[i]);

/** The final file's extension, from videoSettings.format when it is a plain word. */
export function finalExtension(session: MediaSession): string {
  const format = session.videoSettings.format;
  return typeof format === 'string' && /^[a-z0-9]{1,5}$/i.test(format) ? format.toLowerCase() : 'mp4';
}

export function siteView(ctx: DevContext, hostname: string) {
  const spaceId = createHash('sha1').update(`space:${ctx.objects.bucket}`).digest('hex').slice(0, 24);
  return {
    site: { hostname, siteName: `Dev backend (${hostname})`, spaceId },
    // s3Endpoint is the public base the final URL starts with, as in the document ("https://your-cdn.com/").
    space: {
      name: 'Local development S3',
      s3Bucket: ctx.objects.bucket,
      s3Endpoint: `${ctx.objects.baseUrl}/`,
      s3Region: ctx.objects.region,
    },
  };
}

export function initAnswer(ctx: DevContext, session: MediaSession, message: string) {
  const id = session.sessionId;
  return {
    success: true,
    sessionId: id,
    status: session.status,
    message,
    session: {
      sessionId: id,
      status: session.status,
      createdAt: session.createdAt,
      expectedChunks: session.expectedChunks,
      expectedDuration: session.expectedDuration,
      videoSettings: session.videoSettings,
      ...siteView(ctx, session.site),
      storage: session.storage,
    },
    endpoints: {
      uploadChunk: '/api/media/recording/chunk',
      finalize: '/api/media/recording/finalize',
      finalizeAsync: '/api/media/recording/finalize-async',
      checkStatus: `/api/media/session/${id}/chunks/status`,
      downloadVideo: `/api/media/session/${id}/video`,
    },
  };
}

/** The answer of a successful finalize, replayed as is by a repeated one. */
export const finalizedAnswer = (session: MediaSession) => ({
  success: true,
  sessionId: session.sessionId,
  message: 'Video finalized and merged successfully',
  warnings: session.result?.warnings ?? [],
  video: session.video,
  storage: session.result?.storage,
  cleanup: session.result?.cleanup,
});
