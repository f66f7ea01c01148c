import { describe, expect, it } from 'vitest';
import { decodeBinary, encodeBinary } from '../../src/shared/ipc/binary-json';

describe('binary JSON for the browser host', () => {
  it('round-trips bytes anywhere in a payload and leaves other values alone', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const wire = JSON.parse(JSON.stringify(encodeBinary({ a: 1, nested: [{ bytes }], s: '$bytes' }))) as unknown;
    const back = decodeBinary(wire) as { a: number; nested: Array<{ bytes: Uint8Array }>; s: string };
    expect(back.a).toBe(1);
    expect(back.s).toBe('$bytes');
    expect(back.nested[0]!.bytes).toEqual(bytes);
  });
});
