import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

export function reviewHandlers(core: Core): Pick<HandlerTable, 'listReviewRecordings' | 'getReviewChapters'> {
  return {
    listReviewRecordings: ({ interviewId }) => core.review.list(interviewId),
    getReviewChapters: ({ interviewId, recordingRef }) => core.review.chapters(interviewId, recordingRef),
  };
}
