import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewList } from '../../../shared/domain/review';
import { api } from '../../api';
import type { AsyncState } from '../../hooks/use-async';
import { refreshDelayMs } from './review-refresh';

export interface ReviewListState {
  list: AsyncState<ReviewList>;
  /** When the list is looked at again by itself (a recording is still processing); null when it is not. */
  nextRefreshMs: number | null;
  refresh(): void;
}

/**
 * The interview's recordings, listed again by itself while one is processing (backing off, see refreshDelayMs). A
 * refresh keeps showing the last list, so the player is not torn down while it waits.
 */
export function useReviewList(interviewId: string): ReviewListState {
  const [list, setList] = useState<AsyncState<ReviewList>>({ status: 'loading' });
  const [nextRefreshMs, setNextRefreshMs] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const stillProcessing = useRef(0);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    api.listReviewRecordings({ interviewId }).then(
      (value) => {
        if (!current) return;
        setList({ status: 'ready', value });
        const wait = refreshDelayMs(value.recordings, stillProcessing.current);
        stillProcessing.current = wait === null ? 0 : stillProcessing.current + 1;
        setNextRefreshMs(wait);
        if (wait !== null) timer = setTimeout(() => setGeneration((g) => g + 1), wait);
      },
      (error: unknown) => {
        if (!current) return;
        setList({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        setNextRefreshMs(null);
      },
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [interviewId, generation]);
  const refresh = useCallback(() => {
    stillProcessing.current = 0;
    setGeneration((g) => g + 1);
  }, []);
  return { list, nextRefreshMs, refresh };
}
