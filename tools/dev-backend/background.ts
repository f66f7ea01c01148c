// Work that outlives a request (LiveKit egress processing, async media finalize). Tracked so that close() can
// cancel what has not started and wait for what has: a test that deletes dataDir right after close() must not
// race a late state write.

export class Background {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  /** Runs `job` after `ms`; errors are logged, never thrown into the process. */
  later(ms: number, job: () => Promise<void>): void {
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.run(job);
      },
      Math.max(0, ms),
    );
    this.timers.add(timer);
  }

  run(job: () => Promise<void>): void {
    if (this.closed) return;
    const done = job()
      .catch((error: unknown) => console.error('dev-backend: background job failed:', error))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }
}
