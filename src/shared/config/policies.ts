// The settings IT can enforce (mandatory) or preset (recommended): one list, from which the Windows ADMX/ADML, the
// macOS configuration profile, the Linux policy.json samples and docs/policies.md are generated, and by which the
// policy readers know what to read. Types and allowed values are read from the config schema, not retyped, so a
// schema change cannot leave a template saying something else.
import type { z } from 'zod';
import { configSchema } from './schema';

export type PolicyType = 'string' | 'boolean' | 'integer' | 'enum' | 'list';
export type PolicyCategory = 'Backends' | 'Storage' | 'Calls' | 'Recording' | 'Updates' | 'Diagnostics' | 'Retention';
export type PolicyValue = string | boolean | number | readonly string[];

export interface PolicyDefinition {
  /** Dotted config key path, e.g. 'backends.agora.baseUrl'; the Linux policy files nest by it like settings.json. */
  key: string;
  /** PascalCase registry value (Windows) and preference key (macOS), e.g. 'AgoraBackendUrl'. */
  name: string;
  /** What the Group Policy editor and the reference page call it, e.g. 'Agora backend URL'. */
  title: string;
  type: PolicyType;
  /** The allowed values of an enum, or of each item of a list whose items are an enum. */
  enumValues?: readonly string[];
  /** Bounds of an integer, from the schema. */
  min?: number;
  max?: number;
  /** One or two sentences an IT admin understands. */
  description: string;
  category: PolicyCategory;
  /** The app version that introduced the policy. */
  since: string;
  /** The value the sample templates set (it must be valid for the key: a unit test parses it with the schema). */
  example: PolicyValue;
}

/**
 * How each type is stored in the Windows registry under Software\Policies\InterviewRecorder. Booleans and integers
 * are REG_DWORD (a boolean is 0 or 1) because that is what ADMX `boolean` and `decimal` elements write; a list is
 * REG_MULTI_SZ, written by an ADMX `multiText` element, so that `reg query` returns it as one value (a `list`
 * element would need a subkey with one value per item).
 */
export const REGISTRY_VALUE_TYPES = {
  string: 'REG_SZ',
  boolean: 'REG_DWORD',
  integer: 'REG_DWORD',
  enum: 'REG_SZ',
  list: 'REG_MULTI_SZ',
} as const satisfies Record<PolicyType, string>;

type PolicyEntry = Omit<PolicyDefinition, 'type' | 'enumValues' | 'min' | 'max'>;

const V = '0.1.0';

const ENTRIES: readonly PolicyEntry[] = [
  // Backends
  {
    key: 'backends.agora.baseUrl',
    name: 'AgoraBackendUrl',
    title: 'Agora backend URL',
    description: "Base URL of the company's Agora cloud-recording backend.",
    category: 'Backends',
    since: V,
    example: 'https://recording.example.com/agora',
  },
  {
    key: 'backends.agora.tokenUrl',
    name: 'AgoraTokenUrl',
    title: 'Agora token endpoint',
    description: 'URL the app gets Agora RTC tokens from when it joins a call.',
    category: 'Backends',
    since: V,
    example: 'https://recording.example.com/agora/token',
  },
  {
    key: 'backends.agora.appId',
    name: 'AgoraAppId',
    title: 'Agora App ID',
    description: "The Agora project's App ID that calls join with (32 hexadecimal characters).",
    category: 'Backends',
    since: V,
    example: '0123456789abcdef0123456789abcdef',
  },
  {
    key: 'backends.livekit.baseUrl',
    name: 'LiveKitBackendUrl',
    title: 'LiveKit backend URL',
    description: "Base URL of the company's LiveKit cloud-recording backend.",
    category: 'Backends',
    since: V,
    example: 'https://recording.example.com/livekit',
  },
  {
    key: 'backends.livekit.url',
    name: 'LiveKitServerUrl',
    title: 'LiveKit server URL',
    description: 'The LiveKit server calls connect to (wss:// or https://).',
    category: 'Backends',
    since: V,
    example: 'wss://livekit.example.com',
  },
  {
    key: 'backends.livekit.tokenUrl',
    name: 'LiveKitTokenUrl',
    title: 'LiveKit token endpoint',
    description: 'URL the app gets LiveKit access tokens from when it joins a call.',
    category: 'Backends',
    since: V,
    example: 'https://recording.example.com/livekit/token',
  },
  {
    key: 'backends.mediaApi.baseUrl',
    name: 'MediaApiUrl',
    title: 'Media Recording API URL',
    description: 'Base URL of the Media Recording API that recordings are uploaded to.',
    category: 'Backends',
    since: V,
    example: 'https://media.example.com',
  },
  {
    key: 'backends.mediaApi.site',
    name: 'MediaApiSite',
    title: 'Media Recording API site',
    description: "The tenant's hostname on the Media Recording API; it selects where recordings are stored there.",
    category: 'Backends',
    since: V,
    example: 'jobs.example.com',
  },
  // Storage
  {
    key: 'upload.destination',
    name: 'UploadDestination',
    title: 'Upload destination',
    description:
      'Where recordings are uploaded: auto (every configured destination), s3 (the S3 bucket only) or mediaApi (the Media Recording API only).',
    category: 'Storage',
    since: V,
    example: 's3',
  },
  {
    key: 's3.bucket',
    name: 'S3Bucket',
    title: 'S3 bucket',
    description: 'The S3 bucket recordings are uploaded to. Without one, recordings stay on the computer.',
    category: 'Storage',
    since: V,
    example: 'company-interviews',
  },
  {
    key: 's3.region',
    name: 'S3Region',
    title: 'S3 region',
    description: "The bucket's region, e.g. eu-central-1.",
    category: 'Storage',
    since: V,
    example: 'eu-central-1',
  },
  {
    key: 's3.prefix',
    name: 'S3Prefix',
    title: 'S3 key prefix',
    description: 'Prefix of the object keys recordings are stored under, e.g. recordings/.',
    category: 'Storage',
    since: V,
    example: 'interviews/',
  },
  {
    key: 's3.endpoint',
    name: 'S3Endpoint',
    title: 'S3 endpoint',
    description: 'Endpoint of an S3-compatible store (MinIO, Ceph, another cloud); leave unset for AWS.',
    category: 'Storage',
    since: V,
    example: 'https://s3.example.com',
  },
  {
    key: 's3.serverSideEncryption',
    name: 'S3ServerSideEncryption',
    title: 'S3 server-side encryption',
    description: 'Server-side encryption the app requests for each object: none, AES256 or aws:kms.',
    category: 'Storage',
    since: V,
    example: 'aws:kms',
  },
  {
    key: 's3.kmsKeyId',
    name: 'S3KmsKeyId',
    title: 'S3 KMS key',
    description: 'The KMS key (ID or ARN) objects are encrypted with when server-side encryption is aws:kms.',
    category: 'Storage',
    since: V,
    example: 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
  {
    key: 's3.autoUpload',
    name: 'S3AutoUpload',
    title: 'Upload automatically',
    description: 'Upload recordings as soon as they are recorded; when off, only when the user asks.',
    category: 'Storage',
    since: V,
    example: true,
  },
  // Retention
  {
    key: 'retention.deleteLocalAfterDays',
    name: 'DeleteLocalAfterDays',
    title: 'Delete local recordings after (days)',
    description: "Delete a recording's local files this many days after its upload was verified. Not set: they are kept.",
    category: 'Retention',
    since: V,
    example: 30,
  },
  // Calls
  {
    key: 'calls.allowedProviders',
    name: 'AllowedCallProviders',
    title: 'Allowed call providers',
    description: 'The call providers interviews may use on this computer (agora, livekit, dev); one per line.',
    category: 'Calls',
    since: V,
    example: ['agora', 'livekit'],
  },
  {
    key: 'calls.agoraSdk',
    name: 'AgoraSdk',
    title: 'Agora SDK',
    description: 'Which Agora SDK calls use: web (every OS) or native (Windows and macOS, in a separate call window).',
    category: 'Calls',
    since: V,
    example: 'web',
  },
  {
    key: 'interview.inviteHosts',
    name: 'InviteHosts',
    title: 'Invite link hosts',
    description: 'Hosts whose invite links open an interview (host, or host:port when not 443); one per line.',
    category: 'Calls',
    since: V,
    example: ['jobs.example.com'],
  },
  {
    key: 'interview.allowedPrivateNetworks',
    name: 'AllowedPrivateNetworks',
    title: 'Allowed private networks for script audio',
    description: "Private networks (CIDR, e.g. 10.20.0.0/16) an interview script's audio may be fetched from; one per line.",
    category: 'Calls',
    since: V,
    example: ['10.20.0.0/16'],
  },
  // Recording
  {
    key: 'recording.videoBitsPerSecond',
    name: 'VideoBitsPerSecond',
    title: 'Video bitrate',
    description: 'Video bitrate of recordings, in bits per second.',
    category: 'Recording',
    since: V,
    example: 2_500_000,
  },
  {
    key: 'recording.audioBitsPerSecond',
    name: 'AudioBitsPerSecond',
    title: 'Audio bitrate',
    description: 'Audio bitrate of recordings, in bits per second.',
    category: 'Recording',
    since: V,
    example: 128_000,
  },
  // Updates
  {
    key: 'update.mode',
    name: 'UpdateMode',
    title: 'Update mode',
    description: 'How the app updates itself: none (IT deploys updates), manual (it asks) or auto (installs on quit).',
    category: 'Updates',
    since: V,
    example: 'manual',
  },
  {
    key: 'update.url',
    name: 'UpdateUrl',
    title: 'Update server URL',
    description: "The company's update server the app looks for new versions on.",
    category: 'Updates',
    since: V,
    example: 'https://updates.example.com/interview-recorder/',
  },
  // Diagnostics
  {
    key: 'logLevel',
    name: 'LogLevel',
    title: 'Log level',
    description: 'How much the app logs: debug, info, warn or error.',
    category: 'Diagnostics',
    since: V,
    example: 'info',
  },
];

/** The schema of one config key, by its dotted path (undefined when the schema has no such key). */
export function configKeySchema(key: string): z.ZodType | undefined {
  let node: z.ZodType = configSchema;
  for (const segment of key.split('.')) {
    const object = unwrap(node);
    if (object.def.type !== 'object') return undefined;
    const shape = (object as z.ZodObject).shape;
    if (!Object.hasOwn(shape, segment)) return undefined;
    node = shape[segment] as z.ZodType;
  }
  return node;
}

/** Strips what does not change a value's kind: defaults, optional, nullable. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (;;) {
    const def = node.def as { type: string; innerType?: z.ZodType };
    if (!['default', 'prefault', 'optional', 'nullable'].includes(def.type) || !def.innerType) return node;
    node = def.innerType;
  }
}

type Derived = Pick<PolicyDefinition, 'type' | 'enumValues' | 'min' | 'max'>;

/** A policy's type, allowed values and bounds, as the schema has them. */
function derive(key: string): Derived {
  const schema = configKeySchema(key);
  if (!schema) throw new Error(`Policy ${key} names no key of the config schema`);
  const leaf = unwrap(schema);
  switch (leaf.def.type) {
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', enumValues: (leaf as z.ZodEnum).options as string[] };
    case 'number': {
      const number = leaf as z.ZodNumber;
      if (!number.isInt) throw new Error(`Policy ${key} is a fractional number: policies carry integers only`);
      return { type: 'integer', min: number.minValue ?? undefined, max: number.maxValue ?? undefined };
    }
    case 'array': {
      const item = unwrap((leaf as z.ZodArray<z.ZodType>).element);
      if (item.def.type === 'enum') return { type: 'list', enumValues: (item as z.ZodEnum).options as string[] };
      if (item.def.type === 'string') return { type: 'list' };
      throw new Error(`Policy ${key} is a list of ${item.def.type}: policies carry lists of text only`);
    }
    default:
      throw new Error(`Policy ${key} has a ${leaf.def.type} value, which no policy template can carry`);
  }
}

export const POLICIES: readonly PolicyDefinition[] = ENTRIES.map((entry) => ({ ...entry, ...withoutUndefined(derive(entry.key)) }));

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const byName = new Map(POLICIES.map((policy) => [policy.name.toLowerCase(), policy]));
const byKey = new Map(POLICIES.map((policy) => [policy.key, policy]));

/** A policy by its registry/plist name; case-insensitive, as the Windows registry is. */
export function policyByName(name: string): PolicyDefinition | undefined {
  return byName.get(name.toLowerCase());
}

export function policyByKey(key: string): PolicyDefinition | undefined {
  return byKey.get(key);
}

export const POLICY_CATEGORIES: readonly PolicyCategory[] = [
  'Backends',
  'Storage',
  'Calls',
  'Recording',
  'Retention',
  'Updates',
  'Diagnostics',
];
