/**
 * `scheme://host[:port]` of a URL, or null if it is not one. Needed because Node's (and so Electron main's)
 * WHATWG URL reports origin "null" for non-special schemes such as app://, which would make every app://
 * URL look same-origin as every other.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
