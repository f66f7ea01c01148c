import { describe, expect, it } from 'vitest';
import { MIN_PART_SIZE, nextParts, partSizeFor } from '../../src/core/services/upload/part-plan';

const MiB = 1024 * 1024;

describe('part planning', () => {
  it('cuts only whole parts while the source grows, and the remainder once it is complete', () => {
    expect(nextParts({ plannedEnd: 0, plannedCount: 0, available: 12 * MiB, partSize: 5 * MiB, complete: false })).toEqual([
      { partNumber: 1, offset: 0, size: 5 * MiB },
      { partNumber: 2, offset: 5 * MiB, size: 5 * MiB },
    ]);
    expect(nextParts({ plannedEnd: 10 * MiB, plannedCount: 2, available: 12 * MiB, partSize: 5 * MiB, complete: false })).toEqual([]);
    expect(nextParts({ plannedEnd: 10 * MiB, plannedCount: 2, available: 12 * MiB, partSize: 5 * MiB, complete: true })).toEqual([
      { partNumber: 3, offset: 10 * MiB, size: 2 * MiB },
    ]);
  });

  it('grows the part size so that no file needs more than 10,000 parts, never below S3’s 5 MiB', () => {
    expect(partSizeFor(100 * MiB, 8 * MiB)).toBe(8 * MiB);
    expect(partSizeFor(1, 1)).toBe(MIN_PART_SIZE);
    const huge = 200 * 1024 * MiB;
    expect(Math.ceil(huge / partSizeFor(huge, 8 * MiB))).toBeLessThanOrEqual(10_000);
  });
});
