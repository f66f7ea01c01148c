import { z } from 'zod';
import { configProblemSchema } from '../../config/schema';
import { doctorReportSchema } from '../../domain/doctor';
import { recordingSummarySchema } from '../../domain/recording';

/** App information, health, the recordings library and renderer logging. */
export const appChannels = {
  getAppInfo: {
    request: z.undefined(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'browser-host']),
      platform: z.string(),
      dataDir: z.string(),
      configProblems: z.array(configProblemSchema),
      /** `interviewer.name` and `interviewer.role` from configuration, for the interviewer mode. */
      interviewer: z.object({ name: z.string().optional(), role: z.string().optional() }),
    }),
  },
  runDoctor: {
    request: z.undefined(),
    response: doctorReportSchema,
  },
  /** The user has seen the notice that a damaged catalog was rebuilt (as `irec doctor --ack`); returns the new report. */
  acknowledgeCatalogNotice: {
    request: z.undefined(),
    response: doctorReportSchema,
  },
  listRecordings: {
    request: z
      .strictObject({
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .optional(),
    response: z.array(recordingSummarySchema),
  },
  writeLog: {
    request: z.strictObject({
      level: z.enum(['debug', 'info', 'warn', 'error']),
      message: z.string().min(1).max(4000),
      context: z
        .record(z.string(), z.unknown())
        .refine((context) => JSON.stringify(context).length <= 8000, 'context must stay under 8000 characters of JSON')
        .optional(),
    }),
    response: z.null(),
  },
};
