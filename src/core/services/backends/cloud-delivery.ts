import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import type { Config } from '../../../shared/config/schema';
import type { CloudSession } from '../../../shared/domain/cloud';
import { getCloudSession, type CloudSessionChanges } from '../catalog/queries/cloud-sessions';
import { getMediaStream } from '../catalog/queries/media-streams';
import type { OutboxItem, OutboxKind } from '../catalog/queries/outbox';
import { getRecordingDetail } from '../catalog/queries/recordings';
import { playableFile, type AgoraClient } from './agora/agora-client';
import { agoraStatusText, type AgoraFile } from './agora/agora-wire';
import { isBackendError } from './backend-error';
import { requireBackend, type BackendClients } from './backend-clients';
import { failedRecording, livekitStatusText } from './livekit/livekit-client';
import { createStreamDelivery } from './media-api/media-stream';
import { uploadToMediaApi } from './media-api/media-upload';
import { DONE, Undeliverable, type Deliver, type DeliveryOutcome } from './outbox/outbox-runner';

export interface DeliveryDeps {
  db: Database;
  clients: BackendClients;
  media: Config['backends']['mediaApi'];
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
}

const RECORDING_NOT_READY_MS = 5000;
/** An Agora stop the backend answers, but refuses, this often (over about an hour of backoff) is given up. */
const MAX_REFUSED_STOPS = 240;

function requireSession(db: Database, item: OutboxItem): CloudSession {
  const session = getCloudSession(db, item.sessionId);
  if (!session) throw new Undeliverable(`Cloud session ${item.sessionId} no longer exists.`);
  return session;
}

const filesWithUrls = (files: readonly AgoraFile[]) =>
  files.map((file) => ({ filename: file.filename, ...(file.s3_url ? { url: file.s3_url } : {}) }));

/** The schedule listing is where the backend gives `recording_url` and each file's `s3_url`. */
async function findScheduled(agora: AgoraClient, session: CloudSession) {
  if (!session.scheduleId) return undefined;
  const listed = await agora.listBySchedule(session.scheduleId);
  return listed.recordings.find((recording) => recording.sid === session.remoteId);
}

/**
 * How each outbox call is made. Each is safe to repeat: a repeated Agora stop that the backend refuses because
 * the first one (whose answer we lost) worked is recognised from the schedule listing.
 */
export function createDeliveries(deps: DeliveryDeps): Record<OutboxKind, Deliver> {
  const { db, clients } = deps;
  const at = () => deps.now().toISOString();
  const streamDelivery =
    clients.media && createStreamDelivery({ db, client: clients.media, settings: deps.media, update: deps.update, now: deps.now });

  async function agoraStop(item: OutboxItem): Promise<DeliveryOutcome> {
    const agora = requireBackend(clients, 'agora');
    const session = requireSession(db, item);
    const ref = {
      channel: session.target,
      uid: session.uid!,
      resourceId: session.resourceId!,
      sid: session.remoteId!,
      scheduleId: session.scheduleId ?? undefined,
    };
    let files: AgoraFile[];
    try {
      files = (await agora.stop(ref)).files;
    } catch (error) {
      if (isBackendError(error) && error.kind === 'no-cloud-storage') {
        deps.update(session.id, { state: 'failed', files: [], error: error.message, stoppedAt: at() });
        return DONE;
      }
      // The backend answered, but not with a stop: perhaps an earlier stop worked and its answer was lost, or
      // Agora ended the recording itself (idle channel). The schedule listing knows.
      if (!isBackendError(error) || error.kind === 'unreachable') throw error;
      const earlier = await findScheduled(agora, session).catch(() => undefined);
      if (earlier && earlier.status !== 'recording') files = earlier.file_list;
      else if (item.attempts + 1 >= MAX_REFUSED_STOPS) throw new Undeliverable(`The backend keeps refusing the stop: ${error.message}`);
      else throw error;
    }
    const listed = await findScheduled(agora, session).catch(() => undefined);
    const url = listed?.recording_url ?? playableFile(listed?.file_list ?? files)?.s3_url ?? null;
    deps.update(session.id, {
      state: 'done',
      files: filesWithUrls(listed?.file_list.length ? listed.file_list : files),
      recordingUrl: url,
      statusCode: 7,
      statusText: agoraStatusText(7),
      stoppedAt: session.stoppedAt ?? at(),
      error: null,
    });
    return DONE;
  }

  async function livekitStop(item: OutboxItem): Promise<DeliveryOutcome> {
    const livekit = requireBackend(clients, 'livekit');
    const session = requireSession(db, item);
    if (session.state !== 'processing') {
      // A 404 here can mean an earlier stop (whose answer was lost) or the room's end already finished it:
      // the status below says which.
      await livekit.stop(session.remoteId!).catch((error: unknown) => {
        if (!isBackendError(error) || error.kind !== 'not-found') throw error;
      });
      deps.update(session.id, { state: 'processing', statusText: 'Stopping; the backend is processing the recording' });
    }
    const egress = await livekit.status(session.remoteId!);
    if (egress.status === 0) {
      const sinceStop = deps.now().getTime() - Date.parse(session.stoppedAt ?? at());
      return {
        done: false,
        retryInMs: Math.min(30_000, Math.max(1000, sinceStop / 4)),
        note: 'The backend is still processing the recording.',
      };
    }
    if (egress.status === 2) {
      deps.update(session.id, { state: 'failed', statusCode: 2, statusText: livekitStatusText(2), error: failedRecording(egress).message });
      return DONE;
    }
    deps.update(session.id, {
      state: 'done',
      statusCode: 1,
      statusText: livekitStatusText(1),
      recordingUrl: egress.downloadUrl ?? null,
      files: egress.downloadUrl ? [{ filename: egress.downloadUrl.split('/').pop()!, url: egress.downloadUrl }] : [],
      error: null,
    });
    return DONE;
  }

  async function mediaUpload(item: OutboxItem, signal: AbortSignal): Promise<DeliveryOutcome> {
    const media = requireBackend(clients, 'media');
    const session = requireSession(db, item);
    // Sessions fed while recording (one per segment); the rest are whole finalized files owed by earlier versions.
    if (getMediaStream(db, session.id)) return streamDelivery!(session.id, signal);
    const recording = session.recordingId ? getRecordingDetail(db, session.recordingId) : undefined;
    if (!recording) throw new Undeliverable('The recording is no longer in the catalog.');
    if (recording.state === 'failed')
      throw new Undeliverable(`The recording could not be finalized: ${recording.error ?? 'unknown error'}.`);
    const output = recording.outputs[0];
    if (!output) return { done: false, retryInMs: RECORDING_NOT_READY_MS, note: 'Waiting for the recording to be finalized.' };
    if (!fs.existsSync(output.filePath)) throw new Undeliverable(`The recording file is gone from this computer: ${output.filePath}.`);
    const format = output.container === 'mp4' ? 'mp4' : 'webm';
    // The chunk size is fixed when the upload begins: a resumed upload must cut the file exactly as before.
    const chunkBytes = session.chunkBytes ?? deps.media.chunkMb * 1024 * 1024;
    if (session.chunkBytes === null) deps.update(session.id, { chunkBytes });
    const url = await uploadToMediaApi({
      client: media,
      sessionId: session.remoteId ?? `irec-${recording.id}`,
      initialized: Boolean(session.remoteId),
      file: { path: output.filePath, size: output.size, durationMs: output.durationMs, format, contentType: `video/${format}` },
      chunkBytes,
      site: deps.media.site!,
      storage: deps.media.storage,
      metadata: { title: recording.interviewTitle, interviewId: recording.interviewId, recordingId: recording.id },
      finalize: deps.media.finalize,
      onInitialized: (sessionId) => deps.update(session.id, { remoteId: sessionId, startedAt: at() }),
      onProgress: (bytesSent, bytesTotal) => deps.update(session.id, { bytesSent, bytesTotal }),
      signal,
    });
    deps.update(session.id, {
      state: 'done',
      recordingUrl: url,
      files: [{ filename: url.split('/').pop()!, url }],
      stoppedAt: at(),
      error: null,
    });
    return DONE;
  }

  return { 'agora.stop': agoraStop, 'livekit.stop': livekitStop, 'media.upload': mediaUpload };
}
