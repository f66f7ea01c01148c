// `npm run fetch:electron`: downloads Electron's runtime (skipped by `npm ci`), then builds better-sqlite3
// for Electron's ABI next to the Node build.
import path from 'node:path';
import { electronDir } from '../lib/electron.mjs';
import { fetchOrExplain } from '../lib/fetch-or-explain.mjs';
import { projectRoot, run } from '../lib/run.mjs';

fetchOrExplain({
  what: "Electron's runtime",
  command: process.execPath,
  args: [path.join(electronDir, 'install.js')],
  cwd: electronDir,
  howToSupply:
    'Electron downloads from GitHub by default. Set ELECTRON_MIRROR to a reachable mirror (e.g. an internal artifact server), ' +
    'or put the release zip in the cache named by electron_config_cache, or unpack Electron yourself and set ' +
    'ELECTRON_OVERRIDE_DIST_PATH to that folder. Until then `npm start` runs the browser host.',
});
process.exit(run(process.execPath, [path.join(projectRoot, 'tools/native/build.mjs'), '--runtime', 'electron']) ?? 1);
