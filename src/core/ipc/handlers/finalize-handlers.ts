import type { Core } from '../../create-core';
import { isSettled } from '../../services/recovery/recover-interrupted';
import type { HandlerTable } from '../dispatcher';

type FinalizeChannels = 'getRecording' | 'finalizeRecording' | 'cancelFinalize' | 'getFinalizeProgress' | 'getRecoveryNotices';

export function finalizeHandlers(core: Core): Pick<HandlerTable, FinalizeChannels> {
  return {
    getRecording: ({ recordingId }) => core.library.detail(recordingId),
    /** Starts a finalize in the background; its outcome reaches the UI as progress events and in the catalog. */
    finalizeRecording: ({ recordingId }) => {
      core.library.detail(recordingId);
      core.finalizer.request(recordingId);
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
