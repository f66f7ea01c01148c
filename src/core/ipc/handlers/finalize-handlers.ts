import { IpcError } from '../../../shared/ipc/errors';
import type { Core } from '../../create-core';
import { getRecordingDetail } from '../../services/catalog/queries/recordings';
import { isSettled } from '../../services/recovery/recover-interrupted';
import type { HandlerTable } from '../dispatcher';
import { requireDb } from './require';

type FinalizeChannels = 'getRecording' | 'finalizeRecording' | 'cancelFinalize' | 'getFinalizeProgress' | 'getRecoveryNotices';

/** Starts a finalize in the background; its outcome reaches the UI as progress events and in the catalog. */
export function queueFinalize(core: Core, recordingId: string): void {
  const logger = core.logger.child('finalize');
  core.finalizer
    .enqueue(recordingId)
    .then((detail) =>
      logger.info('Finalized', { recordingId, file: detail.filePath, durationMs: detail.mediaDurationMs, sha256: detail.sha256 }),
    )
    .catch((error: unknown) => logger.warn('Finalize did not complete', { recordingId, error: (error as Error).message }))
    .finally(() => core.events.emit('recordingsChanged', { recordingId }));
}

export function finalizeHandlers(core: Core): Pick<HandlerTable, FinalizeChannels> {
  const detail = (recordingId: string) => {
    const found = getRecordingDetail(requireDb(core), recordingId);
    if (!found) throw new IpcError({ code: 'NOT_FOUND', message: `There is no recording ${recordingId}.` });
    return found;
  };
  return {
    getRecording: ({ recordingId }) => detail(recordingId),
    finalizeRecording: ({ recordingId }) => {
      detail(recordingId);
      queueFinalize(core, recordingId);
      return core.finalizer.progress(recordingId) ?? { recordingId, stage: 'queued', fraction: 0 };
    },
    cancelFinalize: ({ recordingId }) => ({ cancelled: core.finalizer.cancel(recordingId) }),
    getFinalizeProgress: ({ recordingId }) => core.finalizer.progress(recordingId),
    getRecoveryNotices: () =>
      core
        .recoveries()
        .filter(isSettled)
        .filter((r) => r.interrupted)
        .map(({ recording: _r, interrupted: _i, ...notice }) => notice),
  };
}
