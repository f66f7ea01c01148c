/**
 * Recorded time: the recorder's own start→stop spans, summed over segments, so set-up and draining are not
 * counted. It places chunks and markers in the finished file (segments joined); `earlierMs` is what the parts
 * recorded before an interruption hold.
 */
export function createRecordedTime(now: () => number = () => performance.now(), earlierMs = 0) {
  // A continued interview's earlier parts count as stopped segments: its markers land after them in the file.
  let finishedMs = earlierMs;
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
