import { CallFailure, type CallError } from '../interview-call';

/**
 * `attempt` within `timeoutMs`, else `giveUp()` (leave, so the SDK stops trying) and at once a rejection with `onTimeout`.
 * Agora's Web SDK never rejects a join while offline and LiveKit retries on its own: without this a join could
 * hang for as long as the network is gone. A late rejection of `attempt` (after `giveUp`) is swallowed.
 */
export async function withJoinTimeout<T>(
  attempt: Promise<T>,
  timeoutMs: number,
  giveUp: () => Promise<unknown>,
  onTimeout: CallError,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeoutMs);
  });
  try {
    const first = await Promise.race([attempt, expired]);
    if (first !== 'expired') return first as T;
  } finally {
    clearTimeout(timer);
  }
  attempt.catch(() => undefined);
  // Not awaited: the person has waited long enough, and leaving a half-joined SDK can take a while of its own.
  giveUp().catch(() => undefined);
  throw new CallFailure(onTimeout);
}
