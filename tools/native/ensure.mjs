// Makes sure better-sqlite3 loads under this Node, compiling it from source once if needed (about two
// minutes on two cores), and that the bundled ffprobe can run. Called by `npm run setup`, `npm test`,
// `npm start` and `npm run bench`: the steps of the install scripts that `npm ci` skips.
import { fileURLToPath } from 'node:url';
import { makeBundledBinariesExecutable } from '../lib/bundled-binaries.mjs';
import { describeNode, onElectronNode, projectNodeBinary } from '../lib/node-runtime.mjs';
import { fail, log, run } from '../lib/run.mjs';
import { compile, nodeBuildLoads } from './sqlite.mjs';

// Run by hand with the system Node (`node tools/native/ensure.mjs`), it would build for the wrong Node: it hands
// over to the project's Node, which npm scripts find first on PATH anyway.
const projectNode = projectNodeBinary();
if (!onElectronNode() && projectNode && projectNode !== process.execPath) {
  process.exit(run(projectNode, [fileURLToPath(import.meta.url)]) ?? 1);
}
log(describeNode());
if (!onElectronNode()) {
  log(
    'The project runs on the Node its Electron release bundles; `npm ci` installs it from the npm registry on Linux, macOS and Windows (docs/development.md).',
  );
}

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
