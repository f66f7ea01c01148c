/**
 * Recorded time: the recorder's start→stop spans, summed over segments, so set-up and draining are not counted.
 * It places chunks and markers in the finished file (segments joined); `earlierMs` is what the parts recorded
 * before an interruption hold. A span runs from the `start()` call to the `stop()` call, which is where the media
 * timeline begins and ends: the recorder's 'start' and 'stop' events are queued tasks that, on a busy machine, come
 * hundreds of milliseconds later (and not by the same amount), which put chapters a second off in a short recording.
 */
export function createRecordedTime(now: () => number = () => performance.now(), earlierMs = 0) {
  // A continued interview's earlier parts count as stopped segments: its markers land after them in the file.
  let finishedMs = earlierMs;
  let segmentStartedAt: number | null = null;
  /** When `stop()` was called on the running segment's recorder; its last chunk and 'stop' event come after. */
  let stopAt: number | null = null;
  /** Now, or the stop request's time once there is one. */
  const until = () => stopAt ?? now();
  return {
    segmentStarted(): void {
      segmentStartedAt = now();
      stopAt = null;
    },
    stopRequested(): void {
      if (segmentStartedAt !== null) stopAt ??= now();
    },
    segmentStopped(): void {
      if (segmentStartedAt !== null) finishedMs += until() - segmentStartedAt;
      segmentStartedAt = null;
      stopAt = null;
    },
    /** Time into the running segment (a chunk's end), or undefined before its recorder has started. */
    inSegmentMs: (): number | undefined => (segmentStartedAt === null ? undefined : Math.round(until() - segmentStartedAt)),
    soFarMs: (): number => finishedMs + (segmentStartedAt === null ? 0 : until() - segmentStartedAt),
    /** The stopped segments' total: the recording's length once the last one has stopped. */
    finishedMs: (): number => finishedMs,
  };
}

export type RecordedTime = ReturnType<typeof createRecordedTime>;
