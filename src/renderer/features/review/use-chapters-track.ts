import { useCallback, useEffect, type RefObject } from 'react';
import type { ReviewChapters } from '../../../shared/domain/review';
import { api } from '../../api';
import { useAsync, type AsyncState } from '../../hooks/use-async';

/**
 * The recording's questions and notes (asked once per recording); their WebVTT goes into `track` as a blob URL,
 * made and revoked with the effect (the page's CSP allows blob: media, not data:).
 */
export function useChaptersTrack(
  interviewId: string,
  recordingRef: string,
  track: RefObject<HTMLTrackElement | null>,
): AsyncState<ReviewChapters> {
  const [chapters] = useAsync(useCallback(() => api.getReviewChapters({ interviewId, recordingRef }), [interviewId, recordingRef]));
  const vtt = chapters.status === 'ready' ? chapters.value.vtt : null;
  useEffect(() => {
    const element = track.current;
    if (vtt === null || !element) return;
    const url = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
    element.setAttribute('src', url);
    return () => {
      element.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [track, vtt]);
  return chapters;
}
