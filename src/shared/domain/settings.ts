import { z } from 'zod';
import { POLICY_CATEGORIES } from '../config/policies';
import { configLayerNames } from '../config/schema';

/** The settings screen's groups: the policy categories, and the interviewer's own identity. */
export const settingCategories = [...POLICY_CATEGORIES, 'Interviewer'] as const;
export type SettingCategory = (typeof settingCategories)[number];

const settingValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type SettingValue = z.infer<typeof settingValueSchema>;

/** One leaf of the config schema as the settings screen shows it: its value in force and where that came from. */
export const settingRowSchema = z.object({
  key: z.string().describe('dotted config key path, e.g. s3.bucket'),
  category: z.enum(settingCategories),
  title: z.string().optional().describe("the policy's title when the key is a policy"),
  policyName: z.string().optional().describe('registry value / managed preference name when the key is a policy'),
  value: settingValueSchema.describe('the value in force; null when not set, and always null for a secret'),
  default: settingValueSchema.describe("the schema's default; null when there is none (and for a secret)"),
  isSecret: z.boolean().describe('its value never leaves the core: only whether it is set'),
  isSet: z.boolean(),
  layer: z.enum(configLayerNames).describe('the layer whose value won'),
  source: z.string().optional().describe('file, registry value, environment variable or flag; absent for a default'),
  locked: z.boolean().describe("IT's mandatory policy sets it: the user cannot change it"),
});
export type SettingRow = z.infer<typeof settingRowSchema>;

export const settingsViewSchema = z.object({
  settings: z.array(settingRowSchema),
  /** Some value comes from IT's mandatory policy. */
  managed: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
