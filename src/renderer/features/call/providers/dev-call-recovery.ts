// The development provider's reconnect policy: after a drop, try again with jittered exponential backoff until an
// attempt works, trying again cannot help, or the time allowed is up. The SDK providers have this inside their SDKs.
import { backoffDelayMs } from '../../../../shared/async/backoff';
import { sleep } from '../../../../shared/async/sleep';
import type { CallError } from '../interview-call';
import { asCallError, isTerminal } from './dev-call-errors';

export interface RecoveryHooks {
  /** One attempt to join and publish again; rejects with why not. */
  attempt(): Promise<void>;
  /** The token in hand was refused: the next attempt must fetch a new one. */
  forgetToken(): void;
}

export interface RecoveryOptions {
  signal: AbortSignal;
  /** Epoch ms after which a failed attempt is the last. */
  giveUpAt: number;
  /** Waits before attempt `n` (n ≥ 1); the default is backoff from 0.5 s up to 5 s. */
  wait?: (attempt: number, signal: AbortSignal) => Promise<void>;
}

const backoff = (attempt: number, signal: AbortSignal) => sleep(backoffDelayMs(attempt - 1, { baseMs: 500, capMs: 5_000 }), signal);

/**
 * Undefined once an attempt worked, else the error to end the call with: `auth` when a token was refused twice in a
 * row (a fresh one is fetched after the first refusal), the error itself when it is terminal (kicked, rejected),
 * `dropped` when time ran out, and `dropped` when `signal` aborted (the call was left meanwhile).
 */
export async function reconnectWithBackoff(
  cause: CallError,
  hooks: RecoveryHooks,
  options: RecoveryOptions,
): Promise<CallError | undefined> {
  const { signal, giveUpAt, wait = backoff } = options;
  let refusals = cause.kind === 'auth' ? 1 : 0;
  if (refusals) hooks.forgetToken();
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (attempt > 0) await wait(attempt, signal);
      await hooks.attempt();
      return undefined;
    } catch (error) {
      if (signal.aborted) return { kind: 'dropped', detail: 'the call was left while reconnecting' };
      const reason = asCallError(error, 'dropped', 'reconnecting failed');
      refusals = reason.kind === 'auth' ? refusals + 1 : 0;
      if (reason.kind === 'auth') hooks.forgetToken();
      if (reason.kind === 'auth' ? refusals >= 2 : isTerminal(reason)) return reason;
      if (Date.now() >= giveUpAt) return { kind: 'dropped', detail: `gave up reconnecting: ${reason.detail}` };
    }
  }
}
