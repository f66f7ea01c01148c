import { z } from 'zod';
import { callTokenProviders } from '../domain/call-join';
import { isCidr } from './cidr';

/**
 * The one configuration schema. Every leaf has a default so that `{}` parses to a complete config;
 * objects use `prefault({})` so nested defaults still apply when a layer omits the whole object.
 * Objects are strict: an unknown key is almost always a typo and is reported, not ignored.
 */
const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
/** Text that must say something: empty or only spaces (`IREC_S3_BUCKET=' '`) is a mistake, not a value. */
const requiredText = z.string().regex(/\S/, 'must not be blank');
const optionalString = requiredText.optional();

export const configSchema = z.strictObject({
  dataDir: optionalString.describe('Folder for recordings and the catalog; defaults to the per-OS user data folder'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  recording: z
    .strictObject({
      videoBitsPerSecond: z.number().int().min(250_000).max(20_000_000).default(2_500_000),
      audioBitsPerSecond: z.number().int().min(32_000).max(512_000).default(128_000),
      /** Below this much free space, recording stops cleanly (what is written is kept). */
      minFreeMb: z.number().int().min(50).max(10_000_000).default(300),
      /** Interview in fullscreen (kiosk-like); leaving it is logged as a proctoring event either way. */
      fullscreen: z.boolean().default(false),
    })
    .prefault({}),
  backends: z
    .strictObject({
      agora: z
        .strictObject({
          baseUrl: url.optional(),
          /** The recording bot's Agora uid; a random one per interview when absent (it must not collide with a person's). */
          uid: z
            .string()
            .regex(/^\d{1,10}$/, 'expected a string of digits')
            .optional(),
          /** The Agora project's App ID, which the candidate's call joins with (32 hexadecimal characters). */
          appId: z
            .string()
            .regex(/^[0-9a-f]{32}$/i, 'expected an Agora App ID: 32 hexadecimal characters')
            .optional(),
          /** Where the app gets RTC tokens for a call (docs/backends.md, "Call tokens"). */
          tokenUrl: url.optional(),
        })
        .prefault({}),
      livekit: z
        .strictObject({
          baseUrl: url.optional(),
          token: optionalString,
          /** The LiveKit server the call connects to. */
          url: z.url({ protocol: /^(wss?|https?)$/, error: 'expected a ws(s) or http(s) URL' }).optional(),
          /** Where the app gets LiveKit access tokens for a call (sent with the bearer `token` when set). */
          tokenUrl: url.optional(),
        })
        .prefault({}),
      /** The development call server (tools/dev-backend; `npm start` and `npm run demo` set both): for `live.provider: "dev"`. */
      dev: z
        .strictObject({
          /** Its signalling: the backend's base URL or its WebSocket URL (ws://127.0.0.1:<port>/call/ws). */
          callUrl: z.url({ protocol: /^(wss?|https?)$/, error: 'expected a ws(s) or http(s) URL' }).optional(),
          /** Its token route (`POST /call/token`). */
          callTokenUrl: url.optional(),
        })
        .prefault({}),
      mediaApi: z
        .strictObject({
          baseUrl: url.optional(),
          /** The tenant's hostname: selects the S3 space on the backend. Required for uploads there. */
          site: optionalString,
          /** Document ID in the backend's `storage` collection to update with the video's state. */
          storage: optionalString,
          chunkMb: z.number().int().min(1).max(50).default(5),
          /** `async` (finalize-async, then poll the video) suits long interviews; `sync` waits in one request. */
          finalize: z.enum(['sync', 'async']).default('async'),
        })
        .prefault({}),
      /** Seconds between health checks of a running cloud recording (Agora query, LiveKit status). */
      healthSeconds: z.number().int().min(2).max(600).default(15),
    })
    .prefault({}),
  s3: z
    .strictObject({
      bucket: optionalString,
      region: requiredText.default('us-east-1'),
      endpoint: url.optional(),
      forcePathStyle: z.boolean().default(false),
      prefix: z.string().default('recordings/'),
      /** Object key of a recording: {prefix} {date} (YYYY-MM-DD, UTC) {interview} {recording} {ext}. */
      keyTemplate: z
        .string()
        .regex(/\{recording\}/, 'must contain {recording} so that two recordings never share a key')
        .default('{prefix}{date}/{interview}-{recording}.{ext}'),
      serverSideEncryption: z.enum(['none', 'AES256', 'aws:kms']).default('none'),
      kmsKeyId: optionalString,
      /** Part size for finished files; S3 needs at least 5 MiB per part except the last. */
      partSizeMb: z.number().int().min(5).max(1024).default(8),
      /** Parts in flight at once, over all uploads. */
      concurrency: z.number().int().min(1).max(32).default(4),
      /** Upload the recorded stream while recording, so that at stop only the last few seconds remain. */
      progressive: z.boolean().default(true),
      /** After finalize, upload the finalized file too; otherwise the recorded stream is the uploaded recording. */
      uploadFinalized: z.boolean().default(true),
      /** Keep the recorded-stream objects once the finalized file is verified in the bucket. */
      keepRecordedStream: z.boolean().default(false),
      /** Upload recordings as soon as they are recorded; otherwise only on request (Upload button, irec upload). */
      autoUpload: z.boolean().default(true),
      credentials: z
        .strictObject({
          accessKeyId: optionalString,
          secretAccessKey: optionalString,
          sessionToken: optionalString,
        })
        .prefault({}),
    })
    .prefault({}),
  upload: z
    .strictObject({
      /**
       * Where recordings go: `auto` to every destination that is configured (S3 when `s3.bucket` is set, the Media
       * Recording API when `backends.mediaApi.baseUrl` is), `s3` or `mediaApi` to that one only.
       */
      destination: z.enum(['auto', 's3', 'mediaApi']).default('auto'),
    })
    .prefault({}),
  calls: z
    .strictObject({
      /** A live call that has not connected after this long is given up (the interview records on). */
      joinTimeoutSeconds: z.number().int().min(3).max(120).default(15),
      /**
       * Which Agora SDK an Agora call uses: `web` (agora-rtc-sdk-ng in the interview window, every OS) or `native`
       * (agora-electron-sdk in a dedicated call window; Windows and macOS desktop app only, docs/calls.md).
       */
      agoraSdk: z.enum(['web', 'native']).default('web'),
      /** The call providers interviews may use on this computer; IT may narrow it by policy. */
      allowedProviders: z.array(z.enum(callTokenProviders)).default([...callTokenProviders]),
    })
    .prefault({}),
  interview: z
    .strictObject({
      /**
       * Private networks (CIDR, e.g. "10.20.0.0/16") a script's audio URL may reach, for audio on an intranet
       * server. Empty by default: a script from an e-mail must not reach the local network or a cloud metadata service.
       */
      allowedPrivateNetworks: z.array(z.string().refine(isCidr, 'expected a network such as 10.20.0.0/16 or fd00::/8')).default([]),
      /**
       * Hosts the app takes interviews from by link (host, or host:port when not 443): their https invite links
       * open an interview, and interview-recorder:// links may fetch a script only from them. Empty: no link opens one.
       */
      inviteHosts: z
        .array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i, 'expected a host such as jobs.example.com'))
        .max(50)
        .default([]),
    })
    .prefault({}),
  /** Who joins from this computer in the interviewer mode; a link's `name=` overrides the name for that interview. */
  interviewer: z
    .strictObject({
      /** The interviewer's display name in the call (1–80 characters); absent: "Interviewer". */
      name: requiredText.max(80).optional(),
      /** Their role, shown beside the name on the desk (e.g. "Hiring manager"); absent: none. */
      role: requiredText.max(80).optional(),
    })
    .prefault({}),
  retention: z
    .strictObject({
      /** Delete a recording's local files this many days after its upload was verified; null keeps them forever. */
      deleteLocalAfterDays: z.number().int().min(0).max(3650).nullable().default(null),
    })
    .prefault({}),
  update: z
    .strictObject({
      /** `none`: never looks for updates (IT deploys them); `manual`: looks and asks; `auto`: downloads and installs on quit. */
      mode: z.enum(['none', 'manual', 'auto']).default('manual'),
      /** The company's update server (electron-updater's generic provider); absent: the app never looks for updates. */
      url: url.optional(),
    })
    .prefault({}),
});

export type Config = z.output<typeof configSchema>;

/**
 * Where a configuration value came from, lowest precedence first. `recommended` is IT's default, which the user may
 * change; `policy` is IT's mandatory policy, which beats everything (docs/configuration.md, "Precedence").
 */
export const configLayerNames = ['defaults', 'recommended', 'user', 'environment', 'flags', 'policy'] as const;
export type ConfigLayerName = (typeof configLayerNames)[number];

export const configProblemSchema = z.object({
  layer: z.enum(configLayerNames),
  source: z.string().describe('file path, environment variable or flag that holds the bad value'),
  keyPath: z.string().describe('dotted path of the offending key, empty for the whole file'),
  message: z.string().describe('what was expected'),
});
export type ConfigProblem = z.infer<typeof configProblemSchema>;

export const configSourceSchema = z.object({
  layer: z.enum(configLayerNames),
  source: z.string().optional(),
  status: z.enum(['applied', 'absent', 'invalid', 'partly-applied']),
});
export type ConfigSource = z.infer<typeof configSourceSchema>;

/** Where one effective value came from: the layer, and the file, registry value, variable or flag within it. */
export const configOriginSchema = z.object({ layer: z.enum(configLayerNames), source: z.string() });
export type ConfigOrigin = z.infer<typeof configOriginSchema>;

/** Keys whose values are secrets: never shown in the renderer, in logs or in `doctor` output. */
export const SECRET_CONFIG_PATHS = [
  'backends.livekit.token',
  's3.credentials.accessKeyId',
  's3.credentials.secretAccessKey',
  's3.credentials.sessionToken',
] as const;
