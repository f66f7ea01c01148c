import { describe, expect, it } from 'vitest';
import { createProgressParser } from '../../src/core/services/media/ffmpeg-progress';

describe('ffmpeg progress', () => {
  it('reads out_time_us across arbitrary chunk boundaries', () => {
    const seen: number[] = [];
    const feed = createProgressParser((ms) => seen.push(ms));
    feed('frame=10\nout_time_us=1500');
    feed('000\nprogress=continue\nout_time_us=N/A\nout_time_us=3000000\n');
    expect(seen).toEqual([1500, 3000]);
  });
});
