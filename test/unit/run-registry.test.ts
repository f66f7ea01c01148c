import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { startRun, type ProcessPorts } from '../../src/core/services/recovery/run-registry';
import { tempDir } from '../support/temp-dir';

describe('run registry (the clean-shutdown marker)', () => {
  const ports = (pid: number, alive: Set<number>, boot = 1_000_000): ProcessPorts => ({
    pid,
    bootTimeMs: () => boot,
    isProcessAlive: (p) => alive.has(p),
    now: () => new Date('2026-11-21T10:00:00Z'),
  });

  it('tells a crashed run from a live one, a cleanly ended one and one from before a reboot', () => {
    const { db } = openCatalog(path.join(tempDir(), 'catalog.sqlite'));
    const alive = new Set([1, 2, 4]);
    const crashed = startRun(db, 'electron', ports(1, alive));
    const live = startRun(db, 'electron', ports(2, alive));
    const clean = startRun(db, 'node', ports(3, alive));
    clean.end();
    const beforeReboot = startRun(db, 'electron', ports(4, alive, 1_000_000 - 3_600_000)); // pid 4 reused since
    alive.delete(1);
    const current = startRun(db, 'node', ports(5, alive));

    expect(current.isRunAlive(live.id)).toBe(true);
    expect(current.isRunAlive(current.id)).toBe(true);
    expect(current.isRunAlive(crashed.id)).toBe(false);
    expect(current.isRunAlive(clean.id)).toBe(false);
    expect(current.isRunAlive(beforeReboot.id)).toBe(false);
    expect(current.isRunAlive(null)).toBe(false);
    expect(
      current
        .collectCrashedRuns()
        .map((r) => r.id)
        .sort(),
    ).toEqual([crashed.id, beforeReboot.id].sort());
    expect(current.collectCrashedRuns()).toEqual([]);
    db.close();
  });
});
