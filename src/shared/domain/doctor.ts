import { z } from 'zod';
import { configOriginSchema, configProblemSchema, configSourceSchema } from '../config/schema';

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

const policyInForceSchema = z.object({
  name: z.string().describe('registry value / managed preference name, e.g. AgoraBackendUrl'),
  key: z.string().describe('the setting it sets, e.g. backends.agora.baseUrl'),
  value: z
    .union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
    .describe('the value in force ("***" for a secret; a password inside a URL masked)'),
  level: z.enum(['mandatory', 'recommended']),
  source: z.string().describe('policy file, registry value or managed preferences domain'),
});

export const doctorReportSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()).describe('one human sentence per reason the installation is not healthy'),
  warnings: z.array(z.string()).describe('one human sentence per thing worth fixing that does not stop recording'),
  app: z.object({
    name: z.string(),
    version: z.string(),
    runtime: z.enum(['electron', 'node']),
    node: z.object({
      version: z.string().describe('the Node that runs this process (in the app: the one Electron bundles)'),
      supportedMajor: z.number().int().describe('the Node major the app is built and tested on'),
      supported: z.boolean(),
    }),
  }),
  config: z.object({
    sources: z.array(configSourceSchema),
    problems: z.array(configProblemSchema),
    origins: z.record(z.string(), configOriginSchema).describe('each setting not at its default: the layer and source that set it'),
  }),
  policies: z
    .array(policyInForceSchema)
    .describe("IT's policies in force: every mandatory one, and each recommended one the user has not changed"),
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
export type PolicyInForce = z.infer<typeof policyInForceSchema>;
