import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { bootTimeMs, isProcessAlive } from '../../platform/process-identity';
import { endRun, getRun, insertRun, openRuns, pruneEndedRuns, type RunRow } from '../catalog/queries/runs';

/** Boot times read a few seconds apart can differ by rounding; two boots are never this close. */
const SAME_BOOT_TOLERANCE_MS = 120_000;

export interface ProcessPorts {
  pid: number;
  bootTimeMs: () => number;
  isProcessAlive: (pid: number) => boolean;
  now: () => Date;
}

const nodeProcessPorts: ProcessPorts = { pid: process.pid, bootTimeMs, isProcessAlive, now: () => new Date() };

/**
 * This process's run in the catalog. A run row without `ended_at` is the "still running" marker: `end()` on a
 * clean exit sets it, so a row left open by a process that no longer exists is a crash.
 */
export function startRun(db: Database, runtime: string, ports: ProcessPorts = nodeProcessPorts) {
  const id = randomUUID();
  const boot = ports.bootTimeMs();
  insertRun(db, { id, pid: ports.pid, bootTimeMs: boot, runtime, startedAt: ports.now().toISOString() });

  const isAlive = (run: RunRow | undefined): boolean =>
    run !== undefined &&
    run.endedAt === null &&
    (run.id === id || (Math.abs(run.bootTimeMs - boot) < SAME_BOOT_TOLERANCE_MS && ports.isProcessAlive(run.pid)));

  return {
    id,
    /** Whether the run that owns something is still working on it (then it must be left alone). */
    isRunAlive: (runId: string | null): boolean => runId !== null && isAlive(getRun(db, runId)),
    /** Closes the markers of runs whose process is gone; returns those crashed runs. */
    collectCrashedRuns(): RunRow[] {
      const crashed = openRuns(db).filter((run) => !isAlive(run));
      for (const run of crashed) endRun(db, run.id, ports.now().toISOString(), true);
      pruneEndedRuns(db);
      return crashed;
    },
    end: () => endRun(db, id, ports.now().toISOString()),
  };
}

export type Run = ReturnType<typeof startRun>;
