import type { ConfigProblem } from '../../../../shared/config/schema';
import { configKeySchema, policyByKey, policyByName, type PolicyDefinition } from '../../../../shared/config/policies';
import { isPlainObject, readFileLayer, setPath, type RawLayer } from '../layers';

/** IT's two layers: `policy` is mandatory (beats everything), `recommended` is a default the user may change. */
export type PolicyLayerName = 'policy' | 'recommended';

/** One value as an OS store holds it under its policy name (`AgoraBackendUrl`), and where exactly. */
export interface StoredPolicyValue<Raw> {
  name: string;
  /** e.g. `HKLM\Software\Policies\InterviewRecorder\AgoraBackendUrl`; problems and origins name it. */
  source: string;
  raw: Raw;
}

/** A stored value in the policy's type, or why it cannot be one (a REG_SZ where a REG_DWORD belongs). */
export type Converted = { value: unknown } | { problem: string };

const NOT_A_POLICY_NAME = 'is not a policy this version of the app knows (docs/policies.md lists them)';
const NOT_A_POLICY_KEY = "is not a policy; set it in the user's settings";

const nonEmpty = (values: Record<string, unknown>) => (Object.keys(values).length ? values : null);

/**
 * The layer from an OS store of named values (registry, managed preferences): each name mapped to its config key
 * through POLICIES and converted to the policy's type. Unknown names and unconvertible values are problems naming
 * their source; the schema then judges the values like any layer's.
 */
export function namedPolicyLayer<Raw>(
  layer: PolicyLayerName,
  source: string,
  stored: readonly StoredPolicyValue<Raw>[],
  convert: (policy: PolicyDefinition, raw: Raw) => Converted,
): RawLayer {
  const values: Record<string, unknown> = {};
  const sourceOfKey: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  for (const { name, source: where, raw } of stored) {
    const policy = policyByName(name);
    if (!policy) {
      problems.push({ layer, source: where, keyPath: '', message: NOT_A_POLICY_NAME });
      continue;
    }
    const converted = convert(policy, raw);
    if ('problem' in converted) {
      problems.push({ layer, source: where, keyPath: policy.key, message: converted.problem });
      continue;
    }
    setPath(values, policy.key, converted.value);
    sourceOfKey[policy.key] = where;
  }
  return { layer, source, values: nonEmpty(values), sourceOf: (keyPath) => sourceOfKey[keyPath] ?? source, problems };
}

/**
 * Removes settings that are not policies from a policy file, reporting each: IT may enforce only what the policy
 * list offers. Keys the schema does not know stay, for `sanitize` to report as unknown (a typo, not a misuse).
 */
function dropNonPolicies(node: Record<string, unknown>, prefix: string, report: (keyPath: string) => void): void {
  for (const [key, value] of Object.entries(node)) {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    if (policyByKey(keyPath)) continue;
    if (isPlainObject(value)) dropNonPolicies(value, keyPath, report);
    else if (configKeySchema(keyPath)) {
      report(keyPath);
      delete node[key];
    }
  }
}

/** A policy file (Linux `/etc/interview-recorder/policy.json`, `recommended.json`): the settings file's nested shape. */
export function policyFileLayer(layer: PolicyLayerName, file: string, readFile: (file: string) => string | null): RawLayer {
  const raw = readFileLayer(layer, file, readFile);
  if (!raw.values) return raw;
  const problems = [...raw.problems];
  dropNonPolicies(raw.values, '', (keyPath) => problems.push({ layer, source: file, keyPath, message: NOT_A_POLICY_KEY }));
  return { ...raw, values: nonEmpty(raw.values), problems };
}
