// Makes sure better-sqlite3 loads under this Node, compiling it from source once if needed (about two
// minutes on two cores), and that the bundled ffprobe can run. Called by `npm run setup`, `npm test`,
// `npm start` and `npm run bench`: the steps of the install scripts that `npm ci` skips.
import { makeBundledBinariesExecutable } from '../lib/bundled-binaries.mjs';
import { fail, log } from '../lib/run.mjs';
import { compile, nodeBuildLoads } from './sqlite.mjs';

if (!nodeBuildLoads()) {
  log('Building better-sqlite3 from source for this Node (once; about 2 minutes)…');
  const status = compile();
  if (status !== 0 || !nodeBuildLoads()) {
    fail(
      'better-sqlite3 could not be built for this Node.js.',
      "It needs python3, make and a C++ compiler (Debian: apt-get install python3 make g++) and Node's headers; then run `npm run setup` again.",
    );
  }
  log('better-sqlite3 built.');
}

makeBundledBinariesExecutable();
