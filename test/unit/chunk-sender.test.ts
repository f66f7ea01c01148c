import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChunkSender, type ChunkSenderOptions } from '../../src/renderer/features/recorder/chunk-sender';
import { IpcError, type IpcErrorCode } from '../../src/shared/ipc/errors';

type Request = Parameters<ChunkSenderOptions['api']['appendChunk']>[0];
type Ack = Parameters<ChunkSenderOptions['onAck']>[0];
/** What the fake main process does with one appendChunk call: keep the chunk, or fail this attempt. */
type Answer = 'ack' | Error | Promise<void>;

const ipcError = (code: IpcErrorCode) => new IpcError({ code, message: `main says ${code}` });
const chunk = (...bytes: number[]) => new Blob([new Uint8Array(bytes)]);
/** Lets promise chains settle (setImmediate is never faked here, only setTimeout). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A main process that answers appendChunk from a script (one answer per call, 'ack' once the script runs out)
 * and remembers every attempt and every chunk it kept.
 */
function fakeMain(script: Answer[] = []) {
  const attempts: Request[] = [];
  const kept: Array<{ index: number; bytes: number[]; mediaEndMs?: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const appendChunk = async (request: Request): Promise<Ack> => {
    attempts.push(request);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      const answer = script.shift() ?? 'ack';
      if (answer instanceof Error) throw answer;
      if (answer instanceof Promise) await answer;
      kept.push({ index: request.index, bytes: [...request.bytes], mediaEndMs: request.mediaEndMs });
      return { index: request.index, offset: 0, size: request.bytes.byteLength, freeBytes: 1e9, critical: false };
    } finally {
      inFlight--;
    }
  };
  return { api: { appendChunk }, attempts, kept, maxInFlight: () => maxInFlight };
}

function startSender(main: ReturnType<typeof fakeMain>, maxBacklog?: number) {
  const acks: number[] = [];
  const backpressure: boolean[] = [];
  const fatal: Error[] = [];
  const sender = createChunkSender({
    api: main.api,
    recordingId: 'rec-1',
    segment: 2,
    maxBacklog,
    onAck: (ack) => acks.push(ack.index),
    onBackpressure: (paused) => backpressure.push(paused),
    onFatal: (error) => fatal.push(error),
  });
  return { sender, acks, backpressure, fatal };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('chunk sender: order and acknowledgement', () => {
  it('sends chunks one at a time, in order, with consecutive indexes, and drains when all are acknowledged', async () => {
    const main = fakeMain();
    const { sender, acks, fatal } = startSender(main);
    sender.enqueue(chunk(1, 1), 1000);
    sender.enqueue(chunk(2), 2000);
    sender.enqueue(chunk(3, 3, 3), 3000);
    await sender.drain();

    expect(main.kept).toEqual([
      { index: 0, bytes: [1, 1], mediaEndMs: 1000 },
      { index: 1, bytes: [2], mediaEndMs: 2000 },
      { index: 2, bytes: [3, 3, 3], mediaEndMs: 3000 },
    ]);
    expect(main.attempts.every((request) => request.recordingId === 'rec-1' && request.segment === 2)).toBe(true);
    expect(main.maxInFlight()).toBe(1);
    expect(acks).toEqual([0, 1, 2]);
    expect(sender.backlog()).toBe(0);
    expect(fatal).toEqual([]);
  });

  it('skips empty chunks without using up an index', async () => {
    const main = fakeMain();
    const { sender } = startSender(main);
    sender.enqueue(chunk(1));
    sender.enqueue(chunk());
    sender.enqueue(chunk(2));
    await sender.drain();
    expect(main.kept.map(({ index, bytes }) => [index, bytes])).toEqual([
      [0, [1]],
      [1, [2]],
    ]);
  });

  it('pauses the recorder when the backlog passes its limit and resumes it at half', async () => {
    let release!: () => void;
    const main = fakeMain([new Promise<void>((resolve) => (release = resolve))]);
    const { sender, backpressure } = startSender(main, 4);
    for (let i = 1; i <= 5; i++) sender.enqueue(chunk(i));
    await settle();
    expect(backpressure).toEqual([true]);
    expect(sender.backlog()).toBe(5);

    release();
    await sender.drain();
    expect(backpressure).toEqual([true, false]);
    expect(main.kept.map(({ index }) => index)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('chunk sender: retries and failures', () => {
  it('retries transient failures with growing delays, resending the same chunk, and acknowledges each chunk once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(1); // the longest delay of each step: 400 ms, then 800 ms
    const main = fakeMain(['ack', ipcError('UNAVAILABLE'), new TypeError('the bridge dropped the call')]);
    const { sender, acks, fatal } = startSender(main);
    sender.enqueue(chunk(1));
    sender.enqueue(chunk(2));
    sender.enqueue(chunk(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(main.attempts).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(399);
    expect(main.attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(main.attempts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(799);
    expect(main.attempts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await sender.drain();

    expect(main.attempts.map((request) => request.index)).toEqual([0, 1, 1, 1, 2]);
    expect(main.kept.map(({ index, bytes }) => [index, bytes])).toEqual([
      [0, [1]],
      [1, [2]],
      [2, [3]],
    ]);
    expect(acks).toEqual([0, 1, 2]);
    expect(fatal).toEqual([]);
  });

  it('gives up after five retries, reports the error once and sends nothing after the lost chunk', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const failures = Array.from({ length: 6 }, () => ipcError('INTERNAL'));
    const main = fakeMain(['ack', ...failures]);
    const { sender, acks, fatal } = startSender(main);
    sender.enqueue(chunk(1));
    sender.enqueue(chunk(2));
    sender.enqueue(chunk(3));
    await vi.advanceTimersByTimeAsync(60_000);
    await sender.drain();

    expect(main.attempts.map((request) => request.index)).toEqual([0, 1, 1, 1, 1, 1, 1]);
    expect(fatal).toEqual([failures[5]]);
    expect(acks).toEqual([0]);
    sender.enqueue(chunk(4));
    await sender.drain();
    expect(main.attempts).toHaveLength(7);
  });

  it.each(['DISK_FULL', 'INVALID_PAYLOAD', 'CONFLICT'] as const)('stops at once on %s, which a retry cannot change', async (code) => {
    const main = fakeMain(['ack', ipcError(code)]);
    const { sender, acks, fatal } = startSender(main);
    sender.enqueue(chunk(1));
    sender.enqueue(chunk(2));
    sender.enqueue(chunk(3));
    await sender.drain();

    expect(main.attempts.map((request) => request.index)).toEqual([0, 1]);
    expect(fatal.map((error) => (error as IpcError).code)).toEqual([code]);
    expect(acks).toEqual([0]);
  });
});
