import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = path.join(projectRoot, 'dist');

/** Tests of the shipped bundles need `npm run build` (npm test does it first); say so instead of failing obscurely. */
export function builtFile(relative: string): string {
  const file = path.join(distDir, relative);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return file;
}
