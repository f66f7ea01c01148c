/**
 * Dotted key paths ("s3.bucket") come from the command line, the environment and settings files. A segment
 * such as `__proto__` would reach an object's prototype instead of a setting (and, through it, every object
 * in the process), so these segments are refused wherever a path is parsed or walked.
 */
const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isUnsafeKey = (key: PropertyKey): boolean => typeof key === 'string' && UNSAFE_SEGMENTS.has(key);

/** The first segment of `keyPath` that must never be used as a key, or undefined when the path is safe. */
export const unsafeSegment = (keyPath: string): string | undefined => keyPath.split('.').find((key) => UNSAFE_SEGMENTS.has(key));

/** The problem text for a path with an unsafe segment. */
export const unsafeKeyMessage = (segment: string): string =>
  `uses "${segment}", which is never a setting (it would change how every object in the app behaves); remove it`;
