import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { livePidsOfGroup } from '../test/support/process-group';

/** Clock ticks per second, the unit of /proc/<pid>/stat's times (100 on Linux nearly everywhere). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system, every thread) a process has used so far; undefined once it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is field 3, utime and stime fields 14 and 15; comm may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface CpuMeter {
  /** Reads every process of the set now; call it often enough to catch short-lived ones before they end. */
  sample(): void;
  /** CPU used by the set from the first sample to the last, as % of one core over that wall-clock time. */
  percentOfCore(): number;
}

/**
 * CPU of a changing set of processes (a browser's renderers and helpers come and go): each process counts from the
 * first sample (or from its start, if it appeared later) to the last sample it was seen in. What one uses between
 * its last sample and its end is missed, hence the frequent sampling.
 */
export function cpuMeter(pids: () => number[]): CpuMeter {
  const seen = new Map<number, { first: number; last: number }>();
  let firstAt: number | undefined;
  let lastAt = 0;
  return {
    sample() {
      const starting = firstAt === undefined;
      for (const pid of pids()) {
        const seconds = cpuSecondsOf(pid);
        if (seconds === undefined) continue;
        const known = seen.get(pid);
        if (known) known.last = seconds;
        else seen.set(pid, { first: starting ? seconds : 0, last: seconds });
      }
      lastAt = performance.now();
      firstAt ??= lastAt;
    },
    percentOfCore() {
      const wall = (lastAt - (firstAt ?? lastAt)) / 1000;
      const used = [...seen.values()].reduce((sum, p) => sum + p.last - p.first, 0);
      return wall > 0 ? (used / wall) * 100 : 0;
    },
  };
}

/** Every live process of group `pgid`. */
export const groupPids = (pgid: number) => () => livePidsOfGroup(pgid);

/**
 * Samples every meter each `everyMs` from now until `finished` settles (and once more then): the CPU of each over
 * that time, as % of one core.
 */
export async function meterUntil<K extends string>(
  meters: Record<K, CpuMeter>,
  finished: Promise<unknown>,
  everyMs = 2000,
): Promise<Record<K, number>> {
  const all = Object.values<CpuMeter>(meters);
  const sampleAll = () => all.forEach((m) => m.sample());
  sampleAll();
  const timer = setInterval(sampleAll, everyMs);
  try {
    await finished;
  } finally {
    clearInterval(timer);
    sampleAll();
  }
  return Object.fromEntries(Object.entries<CpuMeter>(meters).map(([name, m]) => [name, m.percentOfCore()])) as Record<K, number>;
}
