import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { api } from '../../api';

type ProgressEvent = Extract<EventName, 'finalizeProgress' | 'uploadProgress'>;

/**
 * Keeps a view of one recording live: `refresh` once when the view opens and whenever the recording changes, and
 * each progress event for this recording handed to `onProgress`.
 */
export function useRecordingLive<E extends ProgressEvent>(
  recordingId: string,
  progressEvent: E,
  onProgress: (progress: EventPayload<E>) => void,
  refresh: () => void,
): void {
  useEffect(() => {
    refresh();
    const offProgress = api.on(progressEvent, (p) => p.recordingId === recordingId && onProgress(p));
    const offChanged = api.on('recordingsChanged', (e) => e.recordingId === recordingId && refresh());
    return () => {
      offProgress();
      offChanged();
    };
  }, [recordingId, progressEvent, onProgress, refresh]);
}
