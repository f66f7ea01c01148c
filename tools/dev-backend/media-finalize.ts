// The merge step of the Media API: chunks 0..totalChunks-1 concatenated in order, the result put into the bucket
// at `media-recordings/<sessionId>_final.<ext>`, the chunk files cleaned up. It tracks progress the way the
// document's storage.transcode.media_recording does: "processing...", then the URL or an error code.
import fs from 'node:fs';
import path from 'node:path';
import type { DevContext } from './context';
import { chunkPath, finalExtension, sessionDir } from './media-session';
import type { MediaSession } from './state-store';

const CONTENT_TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', mkv: 'video/x-matroska', mov: 'video/quicktime' };

/** How close the probed duration is to the announced one (the document shows "good"; the rest is our scale). */
function accuracy(expected: number | null, actual: number | null): string {
  if (!expected || actual === null) return 'unknown';
  const off = Math.abs(actual - expected) / expected;
  return off <= 0.05 ? 'good' : off <= 0.2 ? 'fair' : 'poor';
}

function fail(ctx: DevContext, session: MediaSession, code: string, message: string): void {
  Object.assign(session, { status: 'failed', transcode: code, error: message, updatedAt: new Date().toISOString() });
  ctx.store.save();
}

/** Marks the session as being finalized with these parameters (persisted, so a restart can resume it). */
export function beginFinalize(ctx: DevContext, session: MediaSession, pending: NonNullable<MediaSession['pending']>): void {
  Object.assign(session, { status: 'processing', transcode: 'processing...', pending, updatedAt: new Date().toISOString() });
  delete session.error;
  ctx.store.save();
}

/** Does the work begun by beginFinalize; the session ends 'completed' or 'failed'. Never throws. */
export async function runFinalize(ctx: DevContext, session: MediaSession): Promise<void> {
  const pending = session.pending;
  if (session.status !== 'processing' || !pending) return;
  if (pending.mergeError) return fail(ctx, session, 'merge_error', 'Failed to merge chunks');
  const id = session.sessionId;
  const ext = finalExtension(session);
  const filename = `${id}_final.${ext}`;
  const localPath = path.join(sessionDir(ctx, id), filename);
  let merged = 0;
  try {
    fs.mkdirSync(path.dirname(localPath), { recursive: true });
    const fd = fs.openSync(`${localPath}.tmp`, 'w');
    try {
      for (let i = 0; i < pending.totalChunks; i++) merged += fs.writeSync(fd, fs.readFileSync(chunkPath(ctx, id, i)));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(`${localPath}.tmp`, localPath);
  } catch (error) {
    return fail(ctx, session, 'merge_error', `Failed to merge chunks: ${(error as Error).message}`);
  }
  let s3Url: string;
  try {
    s3Url = await ctx.objects.putFile(`media-recordings/${filename}`, localPath, CONTENT_TYPES[ext] ?? 'application/octet-stream');
  } catch (error) {
    return fail(ctx, session, 'upload_error', `Failed to upload merged video: ${(error as Error).message}`);
  }
  const actualDuration = await ctx.samples.duration(localPath);

  const warnings: string[] = [];
  if (pending.totalSize !== null && pending.totalSize !== merged) {
    warnings.push(`totalSize ${pending.totalSize} differs from the ${merged} bytes merged`);
  }
  if (session.expectedChunks !== null && session.expectedChunks !== pending.totalChunks) {
    warnings.push(`expectedChunks was ${session.expectedChunks} but ${pending.totalChunks} chunks were finalized`);
  }
  const extra = Object.keys(session.chunks).filter((i) => Number(i) >= pending.totalChunks);
  if (extra.length) warnings.push(`Ignored chunks beyond totalChunks: ${extra.join(', ')}`);

  // Cleanup as the document describes: chunk files go once the merged file is safely stored.
  let deletedFiles = 0;
  let totalSizeFreed = 0;
  let cleaned = true;
  for (const index of Object.keys(session.chunks)) {
    const file = chunkPath(ctx, id, Number(index));
    try {
      if (!fs.existsSync(file)) continue;
      const size = fs.statSync(file).size;
      fs.rmSync(file);
      totalSizeFreed += size;
      deletedFiles += 1;
    } catch {
      // A leftover chunk file costs disk space, not the recording: reported, not fatal.
      cleaned = false;
    }
  }

  session.video = {
    filename,
    sizeMB: Math.round((merged / (1024 * 1024)) * 100) / 100,
    expectedDuration: session.expectedDuration,
    actualDuration,
    durationAccuracy: accuracy(session.expectedDuration, actualDuration),
    chunksProcessed: pending.totalChunks,
    localPath,
    s3Url,
    uploaded: true,
  };
  session.result = {
    warnings,
    storage: { id: session.storage, updated: session.storage !== null },
    cleanup: { deletedFiles, totalSizeFreed, success: cleaned },
  };
  Object.assign(session, { status: 'completed', transcode: s3Url, updatedAt: new Date().toISOString() });
  delete session.pending;
  ctx.store.save();
}

/** After a restart: finalizes that were under way run again (the merge is idempotent). */
export function resumeFinalizes(ctx: DevContext): void {
  for (const session of Object.values(ctx.store.state.media)) {
    if (session.status === 'processing') ctx.background.later(ctx.mediaProcessingMs, () => runFinalize(ctx, session));
  }
}
