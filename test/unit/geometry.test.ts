import { describe, expect, it } from 'vitest';
import { formatElapsed, letterbox } from '../../src/renderer/features/recorder/geometry';

describe('letterbox into 1280×720', () => {
  it.each([
    [1280, 720, { x: 0, y: 0, width: 1280, height: 720 }],
    [640, 480, { x: 160, y: 0, width: 960, height: 720 }],
    [1920, 1080, { x: 0, y: 0, width: 1280, height: 720 }],
    [720, 1280, { x: 438, y: 0, width: 405, height: 720 }],
    [2560, 1080, { x: 0, y: 90, width: 1280, height: 540 }],
  ])('%i×%i', (w, h, expected) => expect(letterbox(w, h)).toEqual(expected));

  it('formats elapsed time for the overlay', () => {
    expect([0, 7_400, 754_000, 3_723_000].map(formatElapsed)).toEqual(['0:00', '0:07', '12:34', '1:02:03']);
  });
});
