import { z } from 'zod';
import { configProblemSchema, configSourceSchema } from '../config/schema';

const toolSchema = z.object({
  found: z.boolean(),
  path: z.string().optional(),
  source: z.string().optional().describe('which rule found it: env, packaged, ffmpeg-static, PATH'),
  version: z.string().optional(),
  error: z.string().optional(),
});

const runtimeSchema = z.object({
  available: z.boolean(),
  path: z.string().optional(),
  version: z.string().optional(),
  reason: z.string().optional(),
});

const catalogIncidentSchema = z.object({
  reason: z.enum(['corrupt', 'empty', 'missing']),
  detail: z.string(),
  movedAsideTo: z.string().nullable(),
  detectedAt: z.string(),
  reindexed: z.array(z.string()).describe('recording ids rebuilt from their folders'),
  skipped: z.array(z.object({ folder: z.string(), reason: z.string() })),
});

export const doctorReportSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()).describe('one human sentence per reason the installation is not healthy'),
  app: z.object({ name: z.string(), version: z.string(), runtime: z.enum(['electron', 'node']) }),
  config: z.object({ sources: z.array(configSourceSchema), problems: z.array(configProblemSchema) }),
  dataDir: z.object({
    path: z.string(),
    writable: z.boolean(),
    freeBytes: z.number().nonnegative().nullable(),
  }),
  catalog: z.object({
    path: z.string(),
    ok: z.boolean(),
    schemaVersion: z.number().int(),
    latestSchemaVersion: z.number().int(),
    integrity: z.string(),
    movedAsideTo: z.string().optional(),
    incident: catalogIncidentSchema
      .optional()
      .describe('an earlier catalog was damaged or lost and its recordings re-indexed; reported until acknowledged'),
  }),
  ffmpeg: toolSchema,
  ffprobe: toolSchema,
  runtimes: z.object({ electron: runtimeSchema, chromium: runtimeSchema }),
  uploads: z.object({
    configured: z.boolean(),
    bucket: z.string().optional(),
    endpoint: z.string().optional(),
    region: z.string(),
    reason: z.string().optional().describe('why uploads are off'),
    open: z.number().int().nonnegative().describe('upload jobs still to finish'),
    failed: z.number().int().nonnegative(),
  }),
  /** The backend URLs in use (never the token), and the calls still owed to them. */
  backends: z.object({
    agora: z.object({ url: z.string().nullable() }),
    livekit: z.object({ url: z.string().nullable(), hasToken: z.boolean() }),
    media: z.object({ url: z.string().nullable(), site: z.string().nullable() }),
    owed: z.number().int().nonnegative().describe('outbox calls waiting to be delivered'),
    held: z.number().int().nonnegative().describe('outbox calls held until a new token'),
  }),
});
/** Below this, a one-hour interview (about 1.2 GB at 2.5 Mbps, held twice during finalize) may not fit. */
export const LOW_DISK_BYTES = 3 * 1024 ** 3;

export type DoctorReport = z.infer<typeof doctorReportSchema>;
export type ToolReport = z.infer<typeof toolSchema>;
export type CatalogIncidentReport = z.infer<typeof catalogIncidentSchema>;
export type RuntimeReport = z.infer<typeof runtimeSchema>;
