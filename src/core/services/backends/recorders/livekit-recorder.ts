import type { LivekitSession } from '../../../../shared/domain/cloud';
import { isBackendError } from '../backend-error';
import { requireBackend } from '../backend-clients';
import { failedRecording, livekitStatusText } from '../livekit/livekit-client';
import { EGRESS_STATUS } from '../livekit/livekit-wire';
import { DONE, stillWorking, Undeliverable, type DeliveryOutcome } from '../outbox/delivery';
import type { CloudRecorder, RecorderDeps } from './cloud-recorder';

/** Status 0 of an egress that has not been stopped: the document's "Processing" means recording here. */
const LIVE_EGRESS = 'Recording';

function egressOf(session: LivekitSession): string {
  if (!session.egressId) throw new Undeliverable('The LiveKit room recording was never started: there is nothing to stop or check.');
  return session.egressId;
}

/** LiveKit room recording (egress): started for the interview's room, stopped, then awaited until processed. */
export function createLivekitRecorder(deps: RecorderDeps): CloudRecorder<LivekitSession> {
  const client = () => requireBackend(deps.clients, 'livekit');

  async function stop(session: LivekitSession): Promise<DeliveryOutcome> {
    const livekit = client();
    const egressId = egressOf(session);
    if (session.state !== 'processing') {
      // A 404 here can mean an earlier stop (whose answer was lost) or the room's end already finished it:
      // the status below says which.
      await livekit.stop(egressId).catch((error: unknown) => {
        if (!isBackendError(error, 'not-found')) throw error;
      });
      deps.update(session.id, { state: 'processing', statusText: 'Stopping; the backend is processing the recording' });
    }
    const egress = await livekit.status(egressId);
    if (egress.status === EGRESS_STATUS.processing) {
      const sinceStop = deps.now().getTime() - Date.parse(session.stoppedAt ?? deps.now().toISOString());
      return stillWorking(sinceStop, 'The backend is still processing the recording.');
    }
    if (egress.status === EGRESS_STATUS.failed) {
      deps.update(session.id, {
        state: 'failed',
        statusCode: egress.status,
        statusText: livekitStatusText(egress.status),
        error: failedRecording(egress).message,
      });
      return DONE;
    }
    deps.update(session.id, {
      state: 'done',
      statusCode: egress.status,
      statusText: livekitStatusText(egress.status),
      recordingUrl: egress.downloadUrl ?? null,
      files: egress.downloadUrl ? [{ filename: egress.downloadUrl.split('/').pop() ?? egress.downloadUrl, url: egress.downloadUrl }] : [],
      error: null,
    });
    return DONE;
  }

  return {
    backend: 'livekit',
    stopKind: 'livekit.stop',
    plan: (links) => (links.livekitRoom ? { target: links.livekitRoom } : undefined),
    async start(session) {
      const started = await client().start(session.target);
      return { remoteId: started.egressId, statusText: LIVE_EGRESS, statusCode: EGRESS_STATUS.processing };
    },
    async findStarted(session, sinceMs) {
      const egresses = await client().list(session.target);
      const found = egresses.find(
        (e) => e.status === EGRESS_STATUS.processing && !e.endedAt && Date.parse(e.startedAt ?? '') >= sinceMs - 1000,
      );
      return found && { remoteId: found.egressId, statusText: LIVE_EGRESS, statusCode: EGRESS_STATUS.processing };
    },
    // The list shows status 0 both while an egress records and while a stopped one is processed: joining one
    // could show "recording" for a recording that ended, so only this catalog's own sessions are joined.
    findRunning: async () => undefined,
    async health(session) {
      const egress = await client().status(egressOf(session));
      return {
        statusCode: egress.status,
        statusText: egress.status === EGRESS_STATUS.processing ? LIVE_EGRESS : livekitStatusText(egress.status),
        error: egress.status === EGRESS_STATUS.failed ? `The room recording failed: ${egress.error ?? 'no reason given'}.` : null,
      };
    },
    stop,
  };
}
