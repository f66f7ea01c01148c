import path from 'node:path';
import { APP_ID } from '../../../../shared/product';
import { isPlainObject, type RawLayer } from '../layers';
import { namedPolicyLayer, type PolicyLayerName } from './policy-layer';
import type { PolicyLayers } from './policy-layers';
import type { RunCommand } from './run-command';

/** Where macOS puts the preferences a configuration profile (MDM, Jamf, Intune) enforces. */
export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences';
const PLIST_NAME = `${APP_ID}.plist`;
/** A dictionary inside the payload holding recommended policies, as Windows' `Recommended` subkey does. */
const RECOMMENDED_KEY = 'Recommended';
const DESCRIPTION = `managed preferences ${APP_ID}`;

/** The computer's file and, for this user, the per-user one. */
export const managedPreferencesFiles = (userName: string) => ({
  computer: path.posix.join(MANAGED_PREFERENCES_DIR, PLIST_NAME),
  user: path.posix.join(MANAGED_PREFERENCES_DIR, userName, PLIST_NAME),
});

/** The policy values in plutil's JSON of a managed preferences file: mandatory at the top, recommended inside `Recommended`. */
export function parseManagedPreferences(json: string): { mandatory: Record<string, unknown>; recommended: Record<string, unknown> } {
  const parsed: unknown = JSON.parse(json);
  if (!isPlainObject(parsed)) throw new Error('expected a dictionary at the top level');
  // Profile bookkeeping (PayloadUUID…, MCX's mcx_…) may sit beside the settings; it is never a policy.
  const settings = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).filter(([name]) => !/^(Payload|mcx_)/.test(name) && name !== RECOMMENDED_KEY));
  const recommended = parsed[RECOMMENDED_KEY];
  return { mandatory: settings(parsed), recommended: isPlainObject(recommended) ? settings(recommended) : {} };
}

const preferencesLayer = (layer: PolicyLayerName, source: string, values: Record<string, unknown>): RawLayer =>
  namedPolicyLayer(
    layer,
    source,
    Object.entries(values).map(([name, raw]) => ({ name, source, raw })),
    // A plist's booleans, integers, strings and arrays are already the policy's types; the schema judges the rest.
    (_policy, raw) => ({ value: raw }),
  );

/**
 * Mandatory and recommended policies from managed preferences, converted by `plutil` (which reads binary and XML
 * plists alike; it refuses a plist holding dates or data, which no policy has). The computer's file wins over
 * the user's, as the machine's registry hive does on Windows.
 */
export function readManagedPreferences(run: RunCommand, exists: (file: string) => boolean, userName: string): PolicyLayers {
  const layers: PolicyLayers = { mandatory: [], recommended: [] };
  const files = managedPreferencesFiles(userName);
  for (const [file, source] of [
    [files.user, `${DESCRIPTION} (user ${userName})`],
    [files.computer, DESCRIPTION],
  ] as const) {
    if (!exists(file)) {
      layers.mandatory.push({ layer: 'policy', source, values: null, problems: [] });
      continue;
    }
    const result = run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', file]);
    let values: ReturnType<typeof parseManagedPreferences>;
    try {
      if (result.status !== 0) throw new Error((result.error ?? result.stderr).trim() || `plutil exited with code ${result.status}`);
      values = parseManagedPreferences(result.stdout);
    } catch (error) {
      const message = `cannot be read from ${file} (${(error as Error).message})`;
      layers.mandatory.push({ layer: 'policy', source, values: null, problems: [{ layer: 'policy', source, keyPath: '', message }] });
      continue;
    }
    layers.mandatory.push(preferencesLayer('policy', source, values.mandatory));
    layers.recommended.push(preferencesLayer('recommended', `${source} ${RECOMMENDED_KEY}`, values.recommended));
  }
  return layers;
}
