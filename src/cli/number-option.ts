import { UsageError } from './usage-error';

/**
 * A whole number from `--name <text>`: digits only, so "1e99", "-1", "2.5", "NaN" and "0x10" are usage errors
 * (exit 2) instead of reaching the catalog as values it cannot store.
 */
export function wholeNumber(name: string, text: string, min = 0): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${Number.MAX_SAFE_INTEGER}, not "${text}".`);
  return value;
}
