/** `work`, or a rejection with `late()` if it has not settled within `ms`; leaves no timer behind either way. */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(late()), ms)));
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
