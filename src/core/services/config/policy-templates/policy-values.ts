// What the templates say about a policy's value: its default (from the schema) and how it reads in a sentence.
import { configSchema } from '../../../../shared/config/schema';
import type { PolicyDefinition, PolicyValue } from '../../../../shared/config/policies';

const DEFAULTS: unknown = configSchema.parse({});

/** The value a key has when nothing sets it; undefined when it has none (optional, or null). */
export function policyDefault(policy: PolicyDefinition): PolicyValue | undefined {
  let node: unknown = DEFAULTS;
  for (const segment of policy.key.split('.')) node = (node as Record<string, unknown> | undefined)?.[segment];
  return node === null ? undefined : (node as PolicyValue | undefined);
}

/** A value as a person reads it: a list joined by commas, a boolean as on/off. */
export function describeValue(value: PolicyValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** The policies as the nested object a settings file holds: `{ s3: { bucket: … } }`, each set to `valueOf(policy)`. */
export function nestByKey(
  policies: readonly PolicyDefinition[],
  valueOf: (policy: PolicyDefinition) => PolicyValue,
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const policy of policies) {
    const segments = policy.key.split('.');
    const leaf = segments.pop()!;
    let node = root;
    for (const segment of segments) node = (node[segment] ??= {}) as Record<string, unknown>;
    node[leaf] = valueOf(policy);
  }
  return root;
}
