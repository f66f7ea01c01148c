import { randomInt } from 'node:crypto';
import type { AgoraSession } from '../../../../shared/domain/cloud';
import type { OutboxItem } from '../../catalog/queries/outbox';
import { playableFile, type AgoraClient, type AgoraRecordingRef } from '../agora/agora-client';
import { AGORA_STOPPED, agoraStatusText, isAgoraStatusHealthy, type AgoraFile } from '../agora/agora-wire';
import { isBackendError } from '../backend-error';
import { requireBackend } from '../backend-clients';
import { DONE, Undeliverable, type DeliveryOutcome } from '../outbox/delivery';
import type { CloudRecorder, RecorderDeps } from './cloud-recorder';

/** An Agora stop the backend answers, but refuses, this often (over about an hour of backoff) is given up. */
const MAX_REFUSED_STOPS = 240;

/** A bot uid unlikely to collide with a person's (Agora uids are 32-bit; people's are usually small). */
export const randomAgoraUid = (): string => String(randomInt(100_000_000, 2_147_483_647));

/** The started recording's reference, which every call after the start names. */
function refOf(session: AgoraSession): AgoraRecordingRef {
  if (!session.recording) throw new Undeliverable('The Agora cloud recording was never started: there is nothing to stop or check.');
  return { channel: session.target, uid: session.uid, ...session.recording };
}

const filesWithUrls = (files: readonly AgoraFile[]) =>
  files.map((file) => ({ filename: file.filename, ...(file.s3_url ? { url: file.s3_url } : {}) }));

/** The schedule listing is where the backend gives `recording_url` and each file's `s3_url`. */
async function findScheduled(agora: AgoraClient, session: AgoraSession) {
  if (!session.scheduleId) return undefined;
  const listed = await agora.listBySchedule(session.scheduleId);
  return listed.recordings.find((recording) => recording.sid === session.recording?.sid);
}

/**
 * The backend answered, but not with a stop: perhaps an earlier stop worked and its answer was lost, or Agora
 * ended the recording itself (idle channel). The schedule listing knows; the files it lists are the outcome.
 */
async function filesOfRefusedStop(agora: AgoraClient, session: AgoraSession, item: OutboxItem, error: unknown): Promise<AgoraFile[]> {
  if (!isBackendError(error) || error.kind === 'unreachable') throw error;
  const earlier = await findScheduled(agora, session).catch(() => undefined);
  if (earlier && earlier.status !== 'recording') return earlier.file_list;
  if (item.attempts + 1 >= MAX_REFUSED_STOPS) throw new Undeliverable(`The backend keeps refusing the stop: ${error.message}`);
  throw error;
}

/** Agora cloud recording: started in the interview's channel by a bot uid, stopped through the outbox. */
export function createAgoraRecorder(deps: RecorderDeps): CloudRecorder<AgoraSession> {
  const client = () => requireBackend(deps.clients, 'agora');
  const at = () => deps.now().toISOString();

  async function stop(session: AgoraSession, item: OutboxItem): Promise<DeliveryOutcome> {
    const agora = client();
    let files: AgoraFile[];
    try {
      files = (await agora.stop({ ...refOf(session), scheduleId: session.scheduleId ?? undefined })).files;
    } catch (error) {
      if (isBackendError(error, 'no-cloud-storage')) {
        deps.update(session.id, { state: 'failed', files: [], error: error.message, stoppedAt: at() });
        return DONE;
      }
      files = await filesOfRefusedStop(agora, session, item, error);
    }
    const listed = await findScheduled(agora, session).catch(() => undefined);
    deps.update(session.id, {
      state: 'done',
      files: filesWithUrls(listed?.file_list.length ? listed.file_list : files),
      recordingUrl: listed?.recording_url ?? playableFile(listed?.file_list ?? files)?.s3_url ?? null,
      statusCode: AGORA_STOPPED,
      statusText: agoraStatusText(AGORA_STOPPED),
      stoppedAt: session.stoppedAt ?? at(),
      error: null,
    });
    return DONE;
  }

  return {
    backend: 'agora',
    stopKind: 'agora.stop',
    plan: (links) =>
      links.agoraChannel
        ? { target: links.agoraChannel, uid: deps.settings.agora.uid ?? randomAgoraUid(), scheduleId: links.scheduleId }
        : undefined,
    async start(session) {
      const started = await client().start({ channel: session.target, uid: session.uid, scheduleId: session.scheduleId ?? undefined });
      return { resourceId: started.resourceId, remoteId: started.sid, statusText: 'Registered' };
    },
    async findStarted(session) {
      if (!session.scheduleId) return undefined;
      const { recordings } = await client().listBySchedule(session.scheduleId);
      const found = recordings.find((r) => r.channel_name === session.target && r.uid === session.uid && r.status === 'recording');
      return found && { resourceId: found.resource_id, remoteId: found.sid, statusText: 'Registered' };
    },
    // The schedule listing says `recording` until the stop: unambiguous, so a running bot of the channel is joined.
    async findRunning(where) {
      if (!where.scheduleId) return undefined;
      const { recordings } = await client().listBySchedule(where.scheduleId);
      const found = recordings.find((r) => r.channel_name === where.target && r.status === 'recording');
      return (
        found && {
          uid: found.uid,
          changes: { resourceId: found.resource_id, remoteId: found.sid, statusText: 'Registered', startedAt: found.started_at ?? at() },
        }
      );
    },
    async health(session) {
      const queried = await client().query(refOf(session));
      return {
        statusCode: queried.status,
        statusText: queried.statusText,
        error: isAgoraStatusHealthy(queried.status) ? null : `The cloud recording is not running: ${queried.statusText}.`,
      };
    },
    stop,
  };
}
