// `npm run typecheck`: every TypeScript project (main and CLI, renderer, tests) with TypeScript 7's native compiler.
import { TS_PROJECTS, tsc7 } from './lib/typescript.mjs';
import { run } from './lib/run.mjs';

for (const project of TS_PROJECTS) {
  if (run(process.execPath, [tsc7, '-p', project]) !== 0) process.exit(1);
}
