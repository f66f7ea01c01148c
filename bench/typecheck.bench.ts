import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { TS_PROJECTS, tsc5, tsc7 } from '../tools/lib/typescript.mjs';
import type { Figure } from './report';

const RUNS = 3;

/** Seconds one compiler takes to check every project once; throws when it reports errors. */
function typecheckSeconds(tsc: string): number {
  const started = performance.now();
  for (const project of TS_PROJECTS) {
    const result = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tsc} -p ${project} failed:\n${result.stdout}${result.stderr}`);
  }
  return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `npm run typecheck` with TypeScript 7 (native) against TypeScript 5.9, alternating runs so load falls on both. */
export function typecheckBench(): Figure[] {
  const times: Record<'ts5' | 'ts7', number[]> = { ts5: [], ts7: [] };
  for (let run = 0; run < RUNS; run++) {
    times.ts5.push(typecheckSeconds(tsc5));
    times.ts7.push(typecheckSeconds(tsc7));
  }
  const [ts5, ts7] = [median(times.ts5), median(times.ts7)];
  const note = `median of ${RUNS} alternating runs over ${TS_PROJECTS.join(', ')}`;
  return [
    { name: 'typecheck, TypeScript 5.9 (tsc in JavaScript)', value: ts5, unit: 's', goal: null, direction: 'max', note },
    { name: 'typecheck, TypeScript 7 (native tsc)', value: ts7, unit: 's', goal: null, direction: 'max', note },
    { name: 'TypeScript 7 speed-up', value: ts5 / ts7, unit: '×', goal: null, direction: 'min' },
  ];
}
