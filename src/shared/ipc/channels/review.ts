import { z } from 'zod';
import { reviewChaptersSchema, reviewListSchema } from '../../domain/review';

const id = z.string().min(1).max(200);

/** Playing an interview's recordings back: the local backup's files and the cloud recordings of the backends. */
export const reviewChannels = {
  listReviewRecordings: {
    request: z.strictObject({ interviewId: id }),
    response: reviewListSchema,
    /** Values under these keys are playback URLs (presigned): the dispatcher passes them unredacted. */
    playbackFields: ['playbackUrl'],
  },
  /** The questions and notes of one recording on its own clock, as cues and as a WebVTT chapters track. */
  getReviewChapters: {
    request: z.strictObject({ interviewId: id, recordingRef: z.string().min(1).max(600) }),
    response: reviewChaptersSchema,
  },
} as const;
