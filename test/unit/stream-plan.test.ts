import { describe, expect, it } from 'vitest';
import { planApiChunks, type ByteRange } from '../../src/core/services/backends/media-api/stream-plan';

/** Recorder chunks of the given sizes, back to back from offset 0. */
function recorded(sizes: number[]): ByteRange[] {
  let offset = 0;
  return sizes.map((size) => {
    const range = { byteOffset: offset, size };
    offset += size;
    return range;
  });
}

const limits = { recorderChunks: 10, maxBytes: 1000 };

describe('Media API chunk plan (recorder chunks batched as the contract’s recorder did)', () => {
  it('closes an API chunk every 10 recorder chunks and keeps the rest until the segment is complete', () => {
    const chunks = recorded(Array.from({ length: 25 }, () => 30));
    expect(planApiChunks(chunks, 0, false, limits)).toEqual([
      { byteOffset: 0, size: 300 },
      { byteOffset: 300, size: 300 },
    ]);
    // Later, from where the plan ended: nothing new until ten more are durable, or the segment ends.
    expect(planApiChunks(chunks, 600, false, limits)).toEqual([]);
    expect(planApiChunks(chunks, 600, true, limits)).toEqual([{ byteOffset: 600, size: 150 }]);
  });

  it('never passes the size ceiling: closes early at a recorder chunk, splits a recorder chunk bigger than it', () => {
    const chunks = recorded([400, 400, 400, 2500, 100]);
    const plan = planApiChunks(chunks, 0, true, limits);
    expect(plan).toEqual([
      { byteOffset: 0, size: 800 },
      { byteOffset: 800, size: 400 },
      { byteOffset: 1200, size: 1000 },
      { byteOffset: 2200, size: 1000 },
      { byteOffset: 3200, size: 600 },
    ]);
    expect(Math.max(...plan.map((c) => c.size))).toBeLessThanOrEqual(limits.maxBytes);
  });

  it('covers every byte exactly once, however the plan is cut over time', () => {
    const sizes = Array.from({ length: 47 }, (_, i) => 50 + ((i * 37) % 120));
    const chunks = recorded(sizes);
    const total = sizes.reduce((a, b) => a + b, 0);
    const plan: ByteRange[] = [];
    // The recording grows one chunk at a time and is planned after each, then completes.
    for (let n = 1; n <= chunks.length; n++) {
      const end = plan.length ? plan.at(-1)!.byteOffset + plan.at(-1)!.size : 0;
      plan.push(...planApiChunks(chunks.slice(0, n), end, n === chunks.length, limits));
    }
    let offset = 0;
    for (const range of plan) {
      expect(range.byteOffset).toBe(offset);
      offset += range.size;
    }
    expect(offset).toBe(total);
    expect(planApiChunks(chunks, total, true, limits)).toEqual([]);
  });
});
