import { unavailable } from './errors/app-error';

/**
 * A service of a degraded core (no catalog): it exists, and touching any of its members — a method or a value
 * such as `uploads.configured` — throws the UNAVAILABLE error naming the catalog's problem. `quiet` lists the
 * members that must still work, such as closing at quit.
 */
export function unavailableService<T extends object>(reason: string, quiet: Partial<T> = {}): T {
  return new Proxy(quiet as T, {
    get(target, property) {
      if (property in target) return (target as Record<PropertyKey, unknown>)[property];
      // Not members anyone calls: promise checks (`then`), inspection and coercion see a plain empty object.
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      throw unavailable(reason);
    },
  });
}
