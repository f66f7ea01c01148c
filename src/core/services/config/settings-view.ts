import type { z } from 'zod';
import { policyByKey, unwrap } from '../../../shared/config/policies';
import { configSchema, SECRET_CONFIG_PATHS } from '../../../shared/config/schema';
import type { SettingCategory, SettingRow, SettingValue, SettingsView } from '../../../shared/domain/settings';
import { maskUrlPassword } from '../../../shared/mask-url';
import { getPath } from './layers';
import type { LoadedConfig } from './load-config';

const SECRETS: ReadonlySet<string> = new Set(SECRET_CONFIG_PATHS);

/** Every leaf key path of the config schema, in the schema's order (a list is one leaf). */
function schemaLeaves(schema: z.ZodType = configSchema, prefix = ''): string[] {
  const node = unwrap(schema);
  if (node.def.type !== 'object') return [prefix];
  return Object.entries((node as z.ZodObject).shape).flatMap(([key, child]) =>
    schemaLeaves(child as z.ZodType, prefix ? `${prefix}.${key}` : key),
  );
}

export const SETTING_KEYS: readonly string[] = schemaLeaves();

const DEFAULTS = configSchema.parse({});

/** The group of a key that is not a policy, by its top-level section. */
const SECTION_CATEGORIES: Readonly<Record<string, SettingCategory>> = {
  dataDir: 'Storage',
  logLevel: 'Diagnostics',
  recording: 'Recording',
  backends: 'Backends',
  s3: 'Storage',
  upload: 'Storage',
  calls: 'Calls',
  interview: 'Calls',
  interviewer: 'Interviewer',
  retention: 'Retention',
  update: 'Updates',
};

function categoryOf(key: string): SettingCategory {
  return policyByKey(key)?.category ?? SECTION_CATEGORIES[key.split('.')[0]!] ?? 'Diagnostics';
}

/** A value as the screen may show it: a password written inside a URL is masked, as in `irec doctor`. */
function shown(value: unknown): SettingValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return maskUrlPassword(value);
  if (Array.isArray(value)) return value.map((item) => maskUrlPassword(String(item)));
  return value as SettingValue;
}

function rowOf({ config, origins }: LoadedConfig, key: string): SettingRow {
  const policy = policyByKey(key);
  const origin = origins[key];
  const value = getPath(config, key);
  const isSecret = SECRETS.has(key);
  return {
    key,
    category: categoryOf(key),
    ...(policy ? { title: policy.title, policyName: policy.name } : {}),
    // A secret's value never leaves the core, not even its default: only whether it is set.
    value: isSecret ? null : shown(value),
    default: isSecret ? null : shown(getPath(DEFAULTS, key)),
    isSecret,
    isSet: value !== undefined && value !== null,
    layer: origin?.layer ?? 'defaults',
    ...(origin ? { source: origin.source } : {}),
    locked: origin?.layer === 'policy',
  };
}

/**
 * Every setting the app has, with the value in force and the layer and source it came from, for the settings
 * screen. A value set by IT's mandatory policy is `locked`; secrets say only whether they are set.
 */
export function settingsView(loaded: LoadedConfig): SettingsView {
  const settings = SETTING_KEYS.map((key) => rowOf(loaded, key));
  return { settings, managed: settings.some((row) => row.locked) };
}
