import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import type { MediaSession } from '../../../../shared/domain/cloud';
import { getRecordingDetail } from '../../catalog/queries/recordings';
import { DONE, Undeliverable, type DeliveryOutcome } from '../outbox/delivery';
import type { MediaDeliveryDeps } from './media-delivery-deps';
import { uploadToMediaApi } from './media-upload';

const RECORDING_NOT_READY_MS = 5000;

/** The finalized file of the session's recording, once there is one; a recording that cannot have one is undeliverable. */
function finalizedOutput(db: Database, session: MediaSession) {
  const recording = session.recordingId ? getRecordingDetail(db, session.recordingId) : undefined;
  if (!recording) throw new Undeliverable('The recording is no longer in the catalog.');
  if (recording.state === 'failed') throw new Undeliverable(`The recording could not be finalized: ${recording.error ?? 'unknown error'}.`);
  const output = recording.outputs[0];
  if (output && !fs.existsSync(output.filePath))
    throw new Undeliverable(`The recording file is gone from this computer: ${output.filePath}.`);
  return { recording, output };
}

/**
 * A whole finalized file owed to the Media Recording API by an earlier version of the app (recordings are
 * streamed segment by segment now): uploaded in chunks, resumably, and finalized.
 */
export function deliverFile(deps: MediaDeliveryDeps, session: MediaSession, signal: AbortSignal): Promise<DeliveryOutcome> {
  const { recording, output } = finalizedOutput(deps.db, session);
  if (!output)
    return Promise.resolve({ done: false, retryInMs: RECORDING_NOT_READY_MS, note: 'Waiting for the recording to be finalized.' });
  const at = () => deps.now().toISOString();
  const format = output.container === 'mp4' ? 'mp4' : 'webm';
  // The chunk size is fixed when the upload begins: a resumed upload must cut the file exactly as before.
  const chunkBytes = session.chunkBytes ?? deps.settings.chunkMb * 1024 * 1024;
  if (session.chunkBytes === null) deps.update(session.id, { chunkBytes });
  return uploadToMediaApi({
    client: deps.client,
    sessionId: session.apiSessionId ?? `irec-${recording.id}`,
    initialized: Boolean(session.apiSessionId),
    file: { path: output.filePath, size: output.size, durationMs: output.durationMs, format, contentType: `video/${format}` },
    chunkBytes,
    site: deps.settings.site ?? '',
    storage: deps.settings.storage,
    metadata: { title: recording.interviewTitle, interviewId: recording.interviewId, recordingId: recording.id },
    finalize: deps.settings.finalize,
    onInitialized: (sessionId) => deps.update(session.id, { remoteId: sessionId, startedAt: at() }),
    onProgress: (bytesSent, bytesTotal) => deps.update(session.id, { bytesSent, bytesTotal }),
    signal,
  }).then((url) => {
    deps.update(session.id, {
      state: 'done',
      recordingUrl: url,
      files: [{ filename: fileNameOf(url), url }],
      stoppedAt: at(),
      error: null,
    });
    return DONE;
  });
}

/** The last path part of a video URL, as the file's name. */
export const fileNameOf = (url: string): string => url.split('/').pop() || url;
