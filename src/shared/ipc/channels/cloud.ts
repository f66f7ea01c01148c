import { z } from 'zod';
import { cloudSessionSchema } from '../../domain/cloud';

/** Cloud recordings and Media Recording API uploads of an interview (also pushed as `cloudSessionChanged`). */
export const cloudChannels = {
  getCloudSessions: {
    request: z.strictObject({ interviewId: z.string().min(1).max(200) }),
    response: z.array(cloudSessionSchema),
  },
  /** Tries every call still owed to a backend now, including ones held for a new token or failed. */
  retryCloudCalls: { request: z.undefined(), response: z.null() },
} as const;
