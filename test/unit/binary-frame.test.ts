import { describe, expect, it } from 'vitest';
import { packFrame, unpackFrame } from '../../src/shared/ipc/binary-frame';

describe('binary frames for the browser host', () => {
  it('frames requests with the bytes raw after the JSON, and refuses ranges past the end', async () => {
    const first = new Uint8Array(300_000).map((_, i) => i % 251);
    const second = new Uint8Array([1, 2, 3]);
    const frame = new Uint8Array(await new Blob(packFrame({ payload: { first, list: [second], n: 5 } }) as BlobPart[]).arrayBuffer());
    expect(frame.byteLength).toBeLessThan(first.byteLength + second.byteLength + 200); // no base64
    expect(unpackFrame(frame)).toEqual({ payload: { first, list: [second], n: 5 } });
    expect(() => unpackFrame(frame.subarray(0, frame.byteLength - 1))).toThrow(/out of bounds/);
    expect(() => unpackFrame(new Uint8Array([0, 0, 1, 0, 123]))).toThrow(/past its end/);
  });
});
