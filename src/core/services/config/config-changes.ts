import type { ConfigOrigin } from '../../../shared/config/schema';
import { getPath } from './layers';
import type { LoadedConfig } from './load-config';

/** A setting whose value or source differs between two loads: where it comes from now (never the value: it may be a secret). */
export interface ConfigChange {
  keyPath: string;
  /** Absent: the setting is back at its default. */
  now?: ConfigOrigin;
}

/** The settings that two loads disagree on, by value or by where the value comes from. */
export function configChanges(before: LoadedConfig, after: LoadedConfig): ConfigChange[] {
  const keyPaths = new Set([...Object.keys(before.origins), ...Object.keys(after.origins)]);
  return [...keyPaths].sort().flatMap((keyPath) => {
    const was = before.origins[keyPath];
    const now = after.origins[keyPath];
    const sameValue = JSON.stringify(getPath(before.config, keyPath)) === JSON.stringify(getPath(after.config, keyPath));
    const sameOrigin = was?.layer === now?.layer && was?.source === now?.source;
    return sameValue && sameOrigin ? [] : [{ keyPath, ...(now ? { now } : {}) }];
  });
}
