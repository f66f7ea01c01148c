import { describe, expect, it } from 'vitest';
import { callLayout, PIP_BOX } from '../../src/renderer/features/interviewer/backup/call-layout';
import type { Rect } from '../../src/renderer/features/recorder/geometry';

/** The overlay's two boxes (overlay.ts): the REC badge top left, the interview id and UTC time bottom right. */
const REC_BADGE: Rect = { x: 16, y: 16, width: 196, height: 48 };
const STAMP_BAND: Rect = { x: 640, y: 682, width: 640, height: 26 };

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('the backup recording’s call layout (1280×720)', () => {
  it('puts a 4:3 candidate large, pillarboxed, and a 16:9 interviewer filling the top-right box', () => {
    expect(callLayout({ width: 640, height: 480 }, { width: 1280, height: 720 })).toEqual({
      candidate: { x: 160, y: 0, width: 960, height: 720 },
      pipBox: { x: 944, y: 16, width: 320, height: 180 },
      own: { x: 944, y: 16, width: 320, height: 180 },
    });
  });

  it('fills the frame with a 16:9 candidate and pillarboxes a 4:3 interviewer inside the box', () => {
    const layout = callLayout({ width: 1920, height: 1080 }, { width: 640, height: 480 });
    expect(layout.candidate).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    expect(layout.own).toEqual({ x: 984, y: 16, width: 240, height: 180 });
  });

  it('letterboxes a portrait candidate (a phone) and keeps its shape', () => {
    const layout = callLayout({ width: 720, height: 1280 }, { width: 640, height: 480 });
    expect(layout.candidate).toEqual({ x: 438, y: 0, width: 405, height: 720 });
  });

  it('has no candidate rectangle while there is no candidate picture (the placeholder is drawn)', () => {
    expect(callLayout(null, { width: 640, height: 480 }).candidate).toBeNull();
  });

  it('keeps the picture-in-picture inside the frame and clear of the REC badge and the time stamp', () => {
    expect(inside(PIP_BOX, { x: 0, y: 0, width: 1280, height: 720 })).toBe(true);
    expect(overlaps(PIP_BOX, REC_BADGE)).toBe(false);
    expect(overlaps(PIP_BOX, STAMP_BAND)).toBe(false);
    for (const own of [
      { width: 640, height: 480 },
      { width: 480, height: 640 },
      { width: 0, height: 0 },
    ])
      expect(inside(callLayout(null, own).own, PIP_BOX)).toBe(true);
  });
});
