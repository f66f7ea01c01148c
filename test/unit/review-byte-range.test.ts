import { describe, expect, it } from 'vitest';
import { answerRange, rangeHeaders } from '../../src/core/services/review/byte-range';
import { parseLocalMediaPath } from '../../src/core/services/review/local-media-route';

describe('byte ranges for the local media route', () => {
  it.each([
    ['no header', null, { status: 200, start: 0, end: 999 }],
    ['a closed range', 'bytes=100-199', { status: 206, start: 100, end: 199 }],
    ['an open range', 'bytes=900-', { status: 206, start: 900, end: 999 }],
    ['the last n bytes', 'bytes=-10', { status: 206, start: 990, end: 999 }],
    ['a suffix longer than the file', 'bytes=-5000', { status: 206, start: 0, end: 999 }],
    ['an end past the file', 'bytes=500-5000', { status: 206, start: 500, end: 999 }],
    ['several ranges (whole file, as the RFC allows)', 'bytes=0-1,5-6', { status: 200, start: 0, end: 999 }],
    ['another unit', 'items=0-5', { status: 200, start: 0, end: 999 }],
    ['a start past the end', 'bytes=1000-', { status: 416 }],
    ['an end before the start', 'bytes=50-10', { status: 416 }],
    ['an empty suffix', 'bytes=-0', { status: 416 }],
  ])('%s', (_name, header, expected) => {
    expect(answerRange(header, 1000)).toEqual(expected);
  });

  it('says which bytes it sends and that ranges are welcome', () => {
    expect(rangeHeaders(answerRange('bytes=100-199', 1000), 1000, 'video/mp4')).toMatchObject({
      'Accept-Ranges': 'bytes',
      'Content-Length': '100',
      'Content-Range': 'bytes 100-199/1000',
      'Content-Type': 'video/mp4',
    });
    expect(rangeHeaders(answerRange('bytes=2000-', 1000), 1000, 'video/mp4')['Content-Range']).toBe('bytes */1000');
    expect(rangeHeaders(answerRange(null, 1000), 1000, 'video/mp4')).not.toHaveProperty('Content-Range');
  });

  it('takes a recording id and an output number from its path, and nothing that could name another file', () => {
    expect(parseLocalMediaPath('/__irec/media/rec-1/0')).toEqual({ recordingId: 'rec-1', seq: 0 });
    expect(parseLocalMediaPath('/__irec/media/rec%2D1/12')).toEqual({ recordingId: 'rec-1', seq: 12 });
    for (const path of [
      '/__irec/media/../catalog.sqlite/0',
      '/__irec/media/%2e%2e/0',
      '/__irec/media/a%2Fb/0',
      '/__irec/media/rec-1/x',
      '/__irec/media/rec-1/0/extra',
      '/__irec/media/%E0%A4%A/0',
      '/index.html',
    ])
      expect(parseLocalMediaPath(path), path).toBeNull();
  });
});
