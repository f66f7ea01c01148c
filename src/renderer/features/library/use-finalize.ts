import { useCallback, useState } from 'react';
import type { FinalizeProgress, RecordingDetail } from '../../../shared/domain/recording';
import { api } from '../../api';
import { useAction } from '../../hooks/use-action';
import { useRecordingLive } from './use-recording-live';

export interface FinalizeView {
  recording: RecordingDetail | null;
  progress: FinalizeProgress | null;
  /** A message when the last action (retry, cancel) itself failed. */
  actionError: string | null;
  retry(): void;
  cancel(): void;
}

/** A recording's finalize state, live: progress events while it runs, the catalog row once it settles. */
export function useFinalize(recordingId: string): FinalizeView {
  const [recording, setRecording] = useState<RecordingDetail | null>(null);
  const [progress, setProgress] = useState<FinalizeProgress | null>(null);
  const { actionError, act, fail } = useAction();

  const refresh = useCallback(() => {
    api.getRecording({ recordingId }).then(setRecording, fail);
    api.getFinalizeProgress({ recordingId }).then(
      (p) => p && setProgress(p),
      () => undefined,
    );
  }, [recordingId, fail]);

  useRecordingLive(recordingId, 'finalizeProgress', setProgress, refresh);

  return {
    recording,
    progress,
    actionError,
    retry: () => act(() => api.finalizeRecording({ recordingId }).then(setProgress)),
    cancel: () => act(() => api.cancelFinalize({ recordingId })),
  };
}
