import type { z } from 'zod';
import { configSchema, type Config, type ConfigOrigin, type ConfigProblem, type ConfigSource } from '../../../shared/config/schema';
import { isUnsafeKey, unsafeKeyMessage } from './key-path';
import { deletePath, envLayer, flagsLayer, isPlainObject, leafPaths, readFileLayer, secretsLayer, type RawLayer } from './layers';
import { readPolicyLayers, type OsPolicyStore } from './policy-sources/policy-layers';

export interface ConfigInputs {
  /** IT's mandatory policy file (every OS; Linux's policy store). */
  policyFile: string;
  /** IT's recommended settings file; absent: none is read. */
  recommendedPolicyFile?: string;
  /** The registry (Windows) or managed preferences (macOS); absent: the policy files only. */
  policyStore?: OsPolicyStore;
  userConfigFile: string;
  env: Readonly<Record<string, string | undefined>>;
  flags?: { dataDir?: string; set?: readonly string[] };
  /** Returns the file's text, or null when it does not exist; throws on other read errors. */
  readFile: (file: string) => string | null;
  /** Secrets kept encrypted by the app (key path → value); they apply with the user settings. */
  secrets?: { source: string; values: Record<string, string> };
}

export interface LoadedConfig {
  config: Config;
  sources: ConfigSource[];
  problems: ConfigProblem[];
  /** Every key a layer above the defaults set (dotted path → the layer and source that won); never the values. */
  origins: Record<string, ConfigOrigin>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'is not a setting this app knows (check the spelling)';
  return issue.message.replace(/^Invalid input: /, '');
}

/**
 * Validates one layer on its own and drops each offending key, recording a problem that names the source
 * and the key path. The rest of the layer still applies: one typo never discards a whole policy file.
 */
function sanitize(raw: RawLayer): { values: Record<string, unknown> | null; problems: ConfigProblem[] } {
  if (!raw.values) return { values: null, problems: raw.problems };
  const values = structuredClone(raw.values);
  const problems = [...raw.problems];
  // Each pass removes at least one key, so this ends; the bound only guards against a schema bug.
  for (let pass = 0; pass < 100; pass++) {
    const result = configSchema.safeParse(values);
    if (result.success) break;
    for (const issue of result.error.issues) {
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
      for (const keys of paths) {
        const keyPath = keys.map(String).join('.');
        problems.push({
          layer: raw.layer,
          source: raw.sourceOf?.(keyPath) ?? raw.source ?? raw.layer,
          keyPath,
          message: isUnsafeKey(keys.at(-1) ?? '') ? unsafeKeyMessage(String(keys.at(-1))) : describeIssue(issue),
        });
        if (keys.length === 0) return { values: null, problems };
        deletePath(values, keys);
      }
    }
  }
  return { values, problems };
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    // sanitize() has already reported and dropped these; assigning "__proto__" would set out's prototype.
    if (isUnsafeKey(key)) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : value;
  }
  return out;
}

/**
 * defaults < IT's recommended settings < user settings (and stored secrets) < environment (`IREC_*`) < command-line
 * flags < IT's mandatory policy. Never throws.
 */
export function loadConfig(inputs: ConfigInputs): LoadedConfig {
  const policies = readPolicyLayers({
    policyFile: inputs.policyFile,
    recommendedPolicyFile: inputs.recommendedPolicyFile,
    readFile: inputs.readFile,
    store: inputs.policyStore,
  });
  const layers: RawLayer[] = [
    ...policies.recommended,
    readFileLayer('user', inputs.userConfigFile, inputs.readFile),
    ...(inputs.secrets ? [secretsLayer(inputs.secrets.source, inputs.secrets.values)] : []),
    envLayer(inputs.env),
    flagsLayer(inputs.flags ?? {}),
    ...policies.mandatory,
  ];
  const sources: ConfigSource[] = [{ layer: 'defaults', status: 'applied' }];
  const problems: ConfigProblem[] = [];
  const origins: Record<string, ConfigOrigin> = {};
  let merged: Record<string, unknown> = {};
  for (const raw of layers) {
    const { values, problems: layerProblems } = sanitize(raw);
    problems.push(...layerProblems);
    const status = values ? (layerProblems.length ? 'partly-applied' : 'applied') : layerProblems.length ? 'invalid' : 'absent';
    sources.push({ layer: raw.layer, ...(raw.source ? { source: raw.source } : {}), status });
    if (!values) continue;
    merged = deepMerge(merged, values);
    for (const keyPath of leafPaths(values)) {
      origins[keyPath] = { layer: raw.layer, source: raw.sourceOf?.(keyPath) ?? raw.source ?? raw.layer };
    }
  }
  // Each layer passed on its own, so the merge passes too; the fallback keeps the promise never to throw.
  const result = configSchema.safeParse(merged);
  if (!result.success)
    problems.push({ layer: 'defaults', source: 'merged settings', keyPath: '', message: 'did not validate; defaults were used' });
  return { config: result.success ? result.data : configSchema.parse({}), sources, problems, origins: result.success ? origins : {} };
}

/** One line per problem, for logs, the CLI and the UI banner. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.keyPath ? `${problem.source}: "${problem.keyPath}"` : problem.source;
  return `Configuration ${where} ${problem.message}; that setting was ignored.`;
}
