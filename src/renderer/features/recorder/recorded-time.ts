/**
 * Recorded time: the recorder's own start→stop spans, summed over segments, so set-up and draining are not
 * counted. It places chunks and markers in the finished file (segments joined).
 */
export function createRecordedTime(now: () => number = () => performance.now()) {
  let finishedMs = 0;
  let segmentStartedAt: number | null = null;
  return {
    segmentStarted(): void {
      segmentStartedAt = now();
    },
    segmentStopped(): void {
      if (segmentStartedAt !== null) finishedMs += now() - segmentStartedAt;
      segmentStartedAt = null;
    },
    /** Time into the running segment (a chunk's end), or undefined before its recorder has started. */
    inSegmentMs: (): number | undefined => (segmentStartedAt === null ? undefined : Math.round(now() - segmentStartedAt)),
    soFarMs: (): number => finishedMs + (segmentStartedAt === null ? 0 : now() - segmentStartedAt),
    /** The stopped segments' total: the recording's length once the last one has stopped. */
    finishedMs: (): number => finishedMs,
  };
}

export type RecordedTime = ReturnType<typeof createRecordedTime>;
