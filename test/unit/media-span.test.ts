import { describe, expect, it } from 'vitest';
import { spanFromPacketList } from '../../src/core/services/media/media-span';

describe('media span from ffprobe packet lists', () => {
  it('counts packets per stream and spans from the first start to the last end', () => {
    const csv = ['audio,0.000000,0.060000', 'video,0.022000,0.050000', 'audio,0.060000,0.060000', 'video,0.072000,0.050000', ''].join('\n');
    expect(spanFromPacketList(csv)).toEqual({
      video: { packets: 2, startMs: 22, endMs: 122 },
      audio: { packets: 2, startMs: 0, endMs: 120 },
      durationMs: 122,
    });
  });

  it('estimates the end of a last packet without a duration from the spacing of the ones before', () => {
    const csv = ['video,0.000000,N/A', 'video,0.033000,N/A', 'video,0.066000,N/A'].join('\n');
    const span = spanFromPacketList(csv);
    expect(span.video).toEqual({ packets: 3, startMs: 0, endMs: 99 });
    expect(span.audio).toBeNull();
    expect(span.durationMs).toBe(99);
  });

  it('counts packets without timestamps but lets them not move the span; nothing readable spans nothing', () => {
    expect(spanFromPacketList('video,N/A,N/A\nvideo,1.000000,0.033000').video).toEqual({ packets: 2, startMs: 1000, endMs: 1033 });
    expect(spanFromPacketList('')).toEqual({ video: null, audio: null, durationMs: 0 });
    expect(spanFromPacketList('subtitle,0.0,1.0\n').durationMs).toBe(0);
  });
});
