import { describe, expect, it } from 'vitest';
import { createKeyedSerialQueue, createSerialQueue } from '../../src/shared/async/serial-queue';

/** A promise the test settles by hand, to hold a task open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Lets every promise callback already due run (the queue forgets an idle key in one). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createSerialQueue', () => {
  it('runs tasks one at a time, in the order given', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      log.push('a start');
      await first.opened;
      log.push('a end');
      return 'a';
    });
    const b = queue.run(() => {
      log.push('b');
      return 'b';
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('rejects only the failing task’s caller; the queue goes on', async () => {
    const queue = createSerialQueue();
    const failing = queue.run(() => {
      throw new Error('task one broke');
    });
    const next = queue.run(async () => 'still runs');
    await expect(failing).rejects.toThrow('task one broke');
    await expect(next).resolves.toBe('still runs');
  });

  it('idle() waits for everything queued so far, failures included', async () => {
    const queue = createSerialQueue();
    const done: number[] = [];
    const slow = gate();
    void queue.run(async () => {
      await slow.opened;
      done.push(1);
    });
    void queue.run(() => Promise.reject(new Error('x'))).catch(() => undefined);
    void queue.run(() => done.push(3));
    const idle = queue.idle().then(() => [...done]);
    slow.open();
    expect(await idle).toEqual([1, 3]);
  });
});

describe('createKeyedSerialQueue', () => {
  it('orders work on one key and runs different keys side by side', async () => {
    const queue = createKeyedSerialQueue();
    const log: string[] = [];
    const holdA = gate();
    const a1 = queue.run('a', async () => {
      log.push('a1 start');
      await holdA.opened;
      log.push('a1 end');
    });
    const a2 = queue.run('a', () => void log.push('a2'));
    const b1 = queue.run('b', () => void log.push('b1'));
    await b1;
    await settled();
    expect(log).toEqual(['a1 start', 'b1']);
    expect(queue.busyKeys()).toEqual(['a']);
    holdA.open();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('isolates a failure to its own caller and forgets keys that have gone idle', async () => {
    const queue = createKeyedSerialQueue();
    await expect(queue.run('r1', () => Promise.reject(new Error('finalize broke')))).rejects.toThrow('finalize broke');
    await expect(queue.run('r1', () => 'next')).resolves.toBe('next');
    await queue.idle();
    await settled();
    expect(queue.busyKeys()).toEqual([]);
  });
});
