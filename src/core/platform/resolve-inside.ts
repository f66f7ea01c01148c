import path from 'node:path';

/**
 * The file a URL path names inside `root`, or null when it would escape it (`..`, encoded separators) or is
 * not decodable. The one check both the app:// protocol and the browser host use to serve the renderer.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  return file.startsWith(base + path.sep) ? file : null;
}
