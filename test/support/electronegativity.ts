// Runs tools/electronegativity/scan-offline.mjs in a child process of its own (Electronegativity registers
// globals and prints as it goes) and returns its report; a scan that does not finish in time is an error.
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './built';
import { findingSchema } from './electronegativity-allowlist';
import { spawnGroup } from './process-group';

export const ALLOWLIST_FILE = path.join(projectRoot, 'security', 'electronegativity-allowlist.json');
const SCANNER = path.join(projectRoot, 'tools', 'electronegativity', 'scan-offline.mjs');

const reportSchema = z.object({
  electronVersion: z.string(),
  checks: z.object({ atomic: z.number(), global: z.number(), skipped: z.array(z.string()) }),
  millis: z.number(),
  parseErrors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  refusedRequests: z.array(z.string()),
  findings: z.array(findingSchema),
});
export type ScanReport = z.infer<typeof reportSchema>;

/** Scans `input` as it is, or (without it) the app's own sources; fails after `timeoutMs`. */
export async function scanWithElectronegativity(input?: string, timeoutMs = 120_000): Promise<ScanReport> {
  const group = spawnGroup(process.execPath, [SCANNER, ...(input ? ['--input', input] : [])], { cwd: projectRoot });
  let stdout = '';
  let stderr = '';
  group.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  group.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': the whole report has been read from stdout by then.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    group.child.once('close', (code, signal) => resolve({ code, signal })),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const outcome = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    await group.stop(1000);
    throw new Error(
      `Electronegativity did not finish within ${timeoutMs / 1000} s (it makes no network requests; a scan takes a few seconds). Its output so far:\n${stderr}`,
    );
  }
  await group.stop(1000); // the group is empty already; this forgets it
  if (outcome.code !== 0) throw new Error(`Electronegativity failed (exit ${outcome.code ?? outcome.signal}):\n${stderr}`);
  return reportSchema.parse(JSON.parse(stdout));
}
