import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's `dist/` folder, whether this runs from source (tsx) or from `dist/host/main.cjs`. */
export function projectDist(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist');
  }
  throw new Error('Cannot find the project folder (no package.json above this file).');
}
