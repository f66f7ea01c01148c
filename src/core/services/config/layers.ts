import type { ConfigLayerName, ConfigProblem } from '../../../shared/config/schema';
import { jsonErrorPosition } from './json-error-position';
import { isUnsafeKey, unsafeKeyMessage, unsafeSegment } from './key-path';

/** One layer's raw settings before validation, with where each can be traced back to. */
export interface RawLayer {
  layer: ConfigLayerName;
  /** File path, or a description such as "environment". */
  source?: string;
  values: Record<string, unknown> | null;
  /** Names the origin of one key path (an env var, a flag); defaults to `source`. */
  sourceOf?: (keyPath: string) => string;
  problems: ConfigProblem[];
}

type FileReader = (file: string) => string | null;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON settings file: absent is fine; unreadable or malformed is a problem naming the file. */
export function readFileLayer(layer: ConfigLayerName, file: string, readFile: FileReader): RawLayer {
  const base = { layer, source: file, problems: [] as ConfigProblem[] };
  let text: string | null;
  try {
    text = readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ...base, values: null, problems: [{ layer, source: file, keyPath: '', message: `cannot be read (${reason})` }] };
  }
  if (text === null) return { ...base, values: null };
  try {
    const parsed: unknown = JSON.parse(text);
    if (isPlainObject(parsed)) return { ...base, values: parsed };
    return { ...base, values: null, problems: [{ layer, source: file, keyPath: '', message: 'expected a JSON object at the top level' }] };
  } catch {
    // JSON.parse's message quotes the text near the error, which may be a secret: give only the place.
    const { line, column } = jsonErrorPosition(text);
    const message = `is not valid JSON (syntax error at line ${line}, column ${column}); fix the file or delete it`;
    return { ...base, values: null, problems: [{ layer, source: file, keyPath: '', message }] };
  }
}

/** `IREC_*` variables and the key each one sets. */
export const ENV_KEYS: Readonly<Record<string, string>> = {
  IREC_DATA_DIR: 'dataDir',
  IREC_LOG_LEVEL: 'logLevel',
  IREC_AGORA_URL: 'backends.agora.baseUrl',
  IREC_AGORA_APP_ID: 'backends.agora.appId',
  IREC_AGORA_TOKEN_URL: 'backends.agora.tokenUrl',
  IREC_AGORA_SDK: 'calls.agoraSdk',
  IREC_LIVEKIT_URL: 'backends.livekit.baseUrl',
  IREC_LIVEKIT_TOKEN: 'backends.livekit.token',
  IREC_LIVEKIT_SERVER_URL: 'backends.livekit.url',
  IREC_LIVEKIT_TOKEN_URL: 'backends.livekit.tokenUrl',
  IREC_DEV_CALL_URL: 'backends.dev.callUrl',
  IREC_DEV_CALL_TOKEN_URL: 'backends.dev.callTokenUrl',
  IREC_MEDIA_API_URL: 'backends.mediaApi.baseUrl',
  IREC_MEDIA_API_SITE: 'backends.mediaApi.site',
  IREC_S3_BUCKET: 's3.bucket',
  IREC_S3_REGION: 's3.region',
  IREC_S3_ENDPOINT: 's3.endpoint',
  IREC_S3_FORCE_PATH_STYLE: 's3.forcePathStyle',
  IREC_S3_PREFIX: 's3.prefix',
  IREC_INTERVIEWER_NAME: 'interviewer.name',
  IREC_INTERVIEWER_ROLE: 'interviewer.role',
};

/** Sets the value at a dotted key path; callers refuse unsafe paths first, and this refuses them again. */
export function setPath(target: Record<string, unknown>, keyPath: string, value: unknown): void {
  if (unsafeSegment(keyPath) !== undefined) return;
  const keys = keyPath.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The dotted paths of every value in a layer that is not itself an object (a list is one value). */
export function leafPaths(values: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(value) ? leafPaths(value, keyPath) : [keyPath];
  });
}

/** The value at a dotted key path, or undefined. */
export const getPath = (root: unknown, keyPath: string): unknown =>
  keyPath
    .split('.')
    .reduce<unknown>((node, key) => (isPlainObject(node) && !isUnsafeKey(key) && Object.hasOwn(node, key) ? node[key] : undefined), root);

/** Removes the key at the end of `keys` (an issue path or a dotted path split), if its parent exists. */
export function deletePath(target: Record<string, unknown>, keys: readonly PropertyKey[]): void {
  let node: unknown = target;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return;
    node = node[key as string];
  }
  // An own "__proto__" key (JSON.parse makes one) is deleted like any other; the prototype itself is untouched.
  if (isPlainObject(node)) delete node[keys[keys.length - 1] as string];
}

/** Environment strings for boolean keys become booleans; anything else stays a string for the schema to judge. */
function coerceEnvValue(keyPath: string, value: string): unknown {
  if (keyPath === 's3.forcePathStyle') {
    if (/^(1|true|yes)$/i.test(value)) return true;
    if (/^(0|false|no)$/i.test(value)) return false;
  }
  return value;
}

export function envLayer(env: Readonly<Record<string, string | undefined>>): RawLayer {
  const values: Record<string, unknown> = {};
  const varOf: Record<string, string> = {};
  for (const [name, keyPath] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(values, keyPath, coerceEnvValue(keyPath, value));
    varOf[keyPath] = name;
  }
  return {
    layer: 'environment',
    source: 'environment',
    values: Object.keys(values).length ? values : null,
    sourceOf: (keyPath) => varOf[keyPath] ?? 'environment',
    problems: [],
  };
}

/**
 * Command-line settings: `--data-dir` and any number of `--set key.path=value` (value parsed as JSON when it
 * is JSON, else taken as a string).
 */
export function flagsLayer(flags: { dataDir?: string; set?: readonly string[] }): RawLayer {
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  const flagOf: Record<string, string> = {};
  if (flags.dataDir) {
    values.dataDir = flags.dataDir;
    flagOf.dataDir = '--data-dir';
  }
  for (const assignment of flags.set ?? []) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.push({ layer: 'flags', source: `--set ${assignment}`, keyPath: '', message: 'expected --set key.path=value' });
      continue;
    }
    const keyPath = assignment.slice(0, eq);
    const unsafe = unsafeSegment(keyPath);
    if (unsafe !== undefined) {
      problems.push({ layer: 'flags', source: `--set ${keyPath}`, keyPath, message: unsafeKeyMessage(unsafe) });
      continue;
    }
    const text = assignment.slice(eq + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // a bare string such as a URL or a path
    }
    setPath(values, keyPath, value);
    flagOf[keyPath] = `--set ${keyPath}`;
  }
  return {
    layer: 'flags',
    source: 'command line',
    values: Object.keys(values).length ? values : null,
    sourceOf: (keyPath) => flagOf[keyPath] ?? 'command line',
    problems,
  };
}

/** Secrets the app keeps encrypted, as part of the user's settings. */
export function secretsLayer(source: string, secrets: Record<string, string>): RawLayer {
  const values: Record<string, unknown> = {};
  for (const [keyPath, value] of Object.entries(secrets)) setPath(values, keyPath, value);
  return { layer: 'user', source, values: Object.keys(values).length ? values : null, problems: [] };
}

export { isPlainObject };
