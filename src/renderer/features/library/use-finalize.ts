import { useCallback, useEffect, useState } from 'react';
import type { FinalizeProgress, RecordingDetail } from '../../../shared/domain/recording';
import { api } from '../../api';
import { useAction } from '../../hooks/use-action';

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

  useEffect(() => {
    refresh();
    const offProgress = api.on('finalizeProgress', (p) => p.recordingId === recordingId && setProgress(p));
    const offChanged = api.on('recordingsChanged', (e) => e.recordingId === recordingId && refresh());
    return () => {
      offProgress();
      offChanged();
    };
  }, [recordingId, refresh]);

  return {
    recording,
    progress,
    actionError,
    retry: () => act(() => api.finalizeRecording({ recordingId }).then(setProgress)),
    cancel: () => act(() => api.cancelFinalize({ recordingId })),
  };
}
