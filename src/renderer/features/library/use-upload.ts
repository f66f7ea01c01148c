import { useCallback, useState } from 'react';
import type { UploadProgress } from '../../../shared/domain/upload';
import { api } from '../../api';
import { useAction } from '../../hooks/use-action';
import { useRecordingLive } from './use-recording-live';

export interface UploadView {
  progress: UploadProgress | null;
  actionError: string | null;
  retry(): void;
  cancel(): void;
}

/** A recording's upload, live: `uploadProgress` events while it runs, asked for once when the view opens. */
export function useUpload(recordingId: string): UploadView {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const { actionError, act, fail } = useAction();
  const refresh = useCallback(() => void api.getUploadProgress({ recordingId }).then(setProgress, fail), [recordingId, fail]);
  useRecordingLive(recordingId, 'uploadProgress', setProgress, refresh);

  return {
    progress,
    actionError,
    retry: () => act(() => api.startUpload({ recordingId }).then(setProgress)),
    cancel: () => act(() => api.cancelUpload({ recordingId }).then(setProgress)),
  };
}
