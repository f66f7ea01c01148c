import { afterEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '../../src/shared/async/sleep';

afterEach(() => {
  vi.useRealTimers();
});

describe('sleep', () => {
  it('resolves after the time given, not before', async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = sleep(1_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('ends at once with the signal’s reason when aborted, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    const waiting = sleep(60_000, abort.signal);
    expect(vi.getTimerCount()).toBe(1);
    const reason = new Error('closing');
    abort.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects without waiting when the signal is already aborted', async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    abort.abort(new Error('already gone'));
    await expect(sleep(60_000, abort.signal)).rejects.toThrow('already gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops listening to the signal once it has resolved', async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    const removed = vi.spyOn(abort.signal, 'removeEventListener');
    const waiting = sleep(10, abort.signal);
    await vi.advanceTimersByTimeAsync(10);
    await expect(waiting).resolves.toBeUndefined();
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    abort.abort(new Error('too late')); // must not reject anything any more
  });
});
