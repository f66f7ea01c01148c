import type { ConfigLayerName } from '../../../shared/config/schema';
import { settingCategories, type SettingCategory, type SettingRow, type SettingValue } from '../../../shared/domain/settings';
import type { Translate } from '../../../shared/i18n/messages';
import type { settingsMessages } from './settings-messages';

type Key = keyof typeof settingsMessages.en;
type T = Translate<Key>;

const CATEGORY_KEYS: Readonly<Record<SettingCategory, Key>> = {
  Backends: 'categoryBackends',
  Storage: 'categoryStorage',
  Calls: 'categoryCalls',
  Recording: 'categoryRecording',
  Retention: 'categoryRetention',
  Updates: 'categoryUpdates',
  Diagnostics: 'categoryDiagnostics',
  Interviewer: 'categoryInterviewer',
};

export const categoryWords = (t: T, category: SettingCategory): string => t(CATEGORY_KEYS[category]);

/** A value in words: on/off for a switch, a list joined, "Not set" for none. */
export function valueWords(t: T, value: SettingValue): string {
  if (value === null) return t('valueNotSet');
  if (typeof value === 'boolean') return t(value ? 'valueOn' : 'valueOff');
  if (Array.isArray(value)) return value.length ? value.join(', ') : t('valueNone');
  return String(value);
}

/** What the value cell says: a secret says only whether it is set. */
export const rowValueWords = (t: T, row: SettingRow): string =>
  row.isSecret ? t(row.isSet ? 'secretSet' : 'secretNotSet') : valueWords(t, row.value);

const LAYER_KEYS: Readonly<Record<Exclude<ConfigLayerName, 'environment'>, Key>> = {
  defaults: 'sourceDefault',
  recommended: 'sourceRecommended',
  user: 'sourceUser',
  flags: 'sourceFlags',
  policy: 'sourcePolicy',
};

/**
 * Where a value comes from in plain words, and the exact place (file, registry value, flag) as detail for those
 * who need it. An environment variable's name is the words themselves.
 */
export function sourceWords(t: T, row: SettingRow): { words: string; detail?: string } {
  if (row.layer === 'environment') return { words: t('sourceEnvironment', { name: row.source ?? '' }) };
  return { words: t(LAYER_KEYS[row.layer]), ...(row.source ? { detail: row.source } : {}) };
}

/** Rows grouped by category, the categories in their fixed order, the rows in the schema's. */
export function byCategory(rows: readonly SettingRow[]): Array<[SettingCategory, SettingRow[]]> {
  return settingCategories.flatMap((category) => {
    const inCategory = rows.filter((row) => row.category === category);
    return inCategory.length ? [[category, inCategory] as [SettingCategory, SettingRow[]]] : [];
  });
}
