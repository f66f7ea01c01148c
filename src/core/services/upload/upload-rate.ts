/** Bytes per second over the last `windowMs`, from samples of a growing byte count. */
export function createRateMeter(windowMs = 10_000) {
  const samples: Array<{ at: number; bytes: number }> = [];
  return {
    sample(bytes: number, at = Date.now()): void {
      samples.push({ at, bytes });
      while (samples.length > 2 && samples[0]!.at < at - windowMs) samples.shift();
    },
    /** Null until two samples a moment apart exist. */
    bytesPerSecond(): number | null {
      const first = samples[0];
      const last = samples[samples.length - 1];
      if (!first || !last || last.at - first.at < 500) return null;
      return Math.max(0, ((last.bytes - first.bytes) * 1000) / (last.at - first.at));
    },
  };
}
