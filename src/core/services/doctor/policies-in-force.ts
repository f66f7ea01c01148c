import { POLICIES } from '../../../shared/config/policies';
import { SECRET_CONFIG_PATHS } from '../../../shared/config/schema';
import type { PolicyInForce } from '../../../shared/domain/doctor';
import { maskUrlPassword } from '../../../shared/mask-url';
import { getPath } from '../config/layers';
import type { LoadedConfig } from '../config/load-config';

const SECRETS: ReadonlySet<string> = new Set(SECRET_CONFIG_PATHS);

function shown(key: string, value: unknown): PolicyInForce['value'] {
  if (SECRETS.has(key)) return '***';
  if (typeof value === 'string') return maskUrlPassword(value);
  if (Array.isArray(value)) return value.map((item) => maskUrlPassword(String(item)));
  return value as PolicyInForce['value'];
}

/** IT's policies that decide a value now: each mandatory one, and each recommended one nothing above it changed. */
export function policiesInForce({ config, origins }: LoadedConfig): PolicyInForce[] {
  return POLICIES.flatMap((policy) => {
    const origin = origins[policy.key];
    if (origin?.layer !== 'policy' && origin?.layer !== 'recommended') return [];
    const level = origin.layer === 'policy' ? 'mandatory' : 'recommended';
    return [{ name: policy.name, key: policy.key, value: shown(policy.key, getPath(config, policy.key)), level, source: origin.source }];
  });
}
