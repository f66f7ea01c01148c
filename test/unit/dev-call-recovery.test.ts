import { describe, expect, it } from 'vitest';
import { CallFailure, type CallError } from '../../src/renderer/features/call/interview-call';
import { reconnectWithBackoff } from '../../src/renderer/features/call/providers/dev-call-recovery';

const dropped: CallError = { kind: 'dropped', detail: 'socket closed' };

/** Attempts that fail with each given error in turn, then succeed; records the waits and forgotten tokens. */
function script(failures: CallError[]) {
  const log: string[] = [];
  const hooks = {
    async attempt() {
      const next = failures.shift();
      log.push(next ? `attempt: ${next.kind}` : 'attempt: ok');
      if (next) throw new CallFailure(next);
    },
    forgetToken: () => void log.push('forget token'),
  };
  const wait = async (attempt: number) => void log.push(`wait ${attempt}`);
  return { log, hooks, wait };
}

const options = (wait: (n: number) => Promise<void>, giveUpAt = Date.now() + 60_000) => ({
  signal: new AbortController().signal,
  giveUpAt,
  wait,
});

describe('reconnecting the development call', () => {
  it('tries again, waiting before every attempt but the first, until one works', async () => {
    const { log, hooks, wait } = script([
      { kind: 'unreachable', detail: '' },
      { kind: 'timeout', detail: '' },
    ]);
    expect(await reconnectWithBackoff(dropped, hooks, options(wait))).toBeUndefined();
    expect(log).toEqual(['attempt: unreachable', 'wait 1', 'attempt: timeout', 'wait 2', 'attempt: ok']);
  });

  it('fetches a new token after a refusal, and gives up with `auth` when the new one is refused too', async () => {
    const { log, hooks, wait } = script([
      { kind: 'auth', detail: 'expired' },
      { kind: 'auth', detail: 'expired' },
    ]);
    expect(await reconnectWithBackoff(dropped, hooks, options(wait))).toEqual({ kind: 'auth', detail: 'expired' });
    expect(log).toEqual(['attempt: auth', 'forget token', 'wait 1', 'attempt: auth', 'forget token']);
  });

  it('starts with a fresh token when the call ended because its token was refused', async () => {
    const { log, hooks, wait } = script([]);
    expect(await reconnectWithBackoff({ kind: 'auth', detail: 'expired' }, hooks, options(wait))).toBeUndefined();
    expect(log).toEqual(['forget token', 'attempt: ok']);
  });

  it('stops at once when put out or refused, and with `dropped` when time is up', async () => {
    const kicked = script([{ kind: 'kicked', detail: 'joined elsewhere' }]);
    expect(await reconnectWithBackoff(dropped, kicked.hooks, options(kicked.wait))).toEqual({ kind: 'kicked', detail: 'joined elsewhere' });
    const late = script([{ kind: 'unreachable', detail: 'ECONNREFUSED' }]);
    expect(await reconnectWithBackoff(dropped, late.hooks, options(late.wait, Date.now() - 1))).toEqual({
      kind: 'dropped',
      detail: 'gave up reconnecting: ECONNREFUSED',
    });
    expect(late.log).toEqual(['attempt: unreachable']);
  });

  it('ends when the call is left while it waits', async () => {
    const controller = new AbortController();
    const hooks = { attempt: async () => Promise.reject(new Error('refused')), forgetToken: () => undefined };
    const wait = async () => {
      controller.abort();
      throw new Error('aborted');
    };
    expect(await reconnectWithBackoff(dropped, hooks, { signal: controller.signal, giveUpAt: Date.now() + 60_000, wait })).toEqual({
      kind: 'dropped',
      detail: 'the call was left while reconnecting',
    });
  });
});
