import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 is built twice side by side: `build/Release` for Node's ABI (tests, CLI, browser host) and
 * `build/electron-v<modules>` for Electron's (`npm run native:electron`). Returns the file Electron must
 * load, or undefined to let the package pick its default build (Node, or a packaged app rebuilt for Electron).
 */
export function sqliteNativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined;
  const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const file = path.join(pkgDir, 'build', `electron-v${process.versions.modules}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
