// The project's TypeScript projects and the two compilers: TypeScript 7 (native, per-platform binary from the npm
// registry, installed as "typescript7") checks them; TypeScript 5.9 stays for typescript-eslint, whose parser
// supports TypeScript below 6.1 only, and for the side-by-side benchmark.
import path from 'node:path';
import { projectRoot } from './run.mjs';

export const TS_PROJECTS = ['tsconfig.json', 'tsconfig.web.json', 'tsconfig.test.json'];
export const tsc7 = path.join(projectRoot, 'node_modules', 'typescript7', 'bin', 'tsc');
export const tsc5 = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
