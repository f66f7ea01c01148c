/** Runs tasks one at a time in the order given; a failing task rejects its own caller and does not stop the queue. */
export interface SerialQueue {
  run<T>(task: () => Promise<T> | T): Promise<T>;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}

/** One serial queue per key (a recording id): work on one key is ordered, different keys run side by side. */
export interface KeyedSerialQueue {
  run<T>(key: string, task: () => Promise<T> | T): Promise<T>;
  /** Keys with queued or running work. */
  busyKeys(): string[];
  idle(): Promise<void>;
}

export function createKeyedSerialQueue(): KeyedSerialQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T> | T): Promise<T> {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => tails.get(key) === tail && tails.delete(key));
      return result;
    },
    busyKeys: () => [...tails.keys()],
    idle: () => Promise.all(tails.values()).then(() => undefined),
  };
}
