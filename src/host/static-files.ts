import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveInside } from '../core/platform/resolve-inside';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

export const contentTypeOf = (file: string) => TYPES[path.extname(file)] ?? 'application/octet-stream';

/** Reads `urlPath` under `root`; null for anything missing or outside it (`..`, encoded tricks, folders). */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  try {
    return { body: await fs.readFile(file), type: contentTypeOf(file) };
  } catch {
    return null;
  }
}

/** Puts the bridge script in front of the app's own scripts. The page holds no secret: the session is a cookie. */
export function injectBridge(html: string, bridgePath: string): string {
  return html.replace('<head>', `<head>\n    <script src="${bridgePath}"></script>`);
}
