import { describe, expect, it } from 'vitest';
import { chooseMimeType, recorderOptionsFor } from '../../src/renderer/features/recorder/codec';
import { formatElapsed, letterbox } from '../../src/renderer/features/recorder/geometry';
import { overlayLabels } from '../../src/renderer/features/recorder/overlay';
import { overlayStateAt } from '../../src/renderer/features/recorder/overlay-clock';
import { explainMediaError } from '../../src/renderer/features/devices/permission-doctor';
import { packFrame, unpackFrame } from '../../src/shared/ipc/binary-frame';
import { decodeBinary, encodeBinary } from '../../src/shared/ipc/binary-json';

describe('codec choice', () => {
  it('prefers H.264 in WebM, then MP4, then VP9 and VP8', () => {
    expect(chooseMimeType(() => true)).toBe('video/webm;codecs=h264,opus');
    expect(chooseMimeType((t) => t.startsWith('video/mp4'))).toBe('video/mp4;codecs=avc1.42E01F,opus');
    expect(chooseMimeType((t) => t.includes('vp8'))).toBe('video/webm;codecs=vp8,opus');
    expect(chooseMimeType(() => false)).toBeNull();
  });

  it('asks MP4 for one-second keyframes so it fragments every second', () => {
    expect(recorderOptionsFor('video/mp4;codecs=avc1.42E01F,opus')).toEqual({ videoKeyFrameIntervalDuration: 1000 });
    expect(recorderOptionsFor('video/webm;codecs=vp8,opus')).toEqual({});
  });
});

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

describe('overlay computed where frames are drawn (the compositor worker)', () => {
  // Page and worker count performance.now() from different origins; the clock carries epoch-based times.
  const pageOrigin = 1_764_540_000_000;
  const workerOrigin = pageOrigin + 85.25;
  const clock = { interviewId: 'int-42', startedAt: pageOrigin + 1_000 };

  it('counts elapsed time from the posted start, whichever context reads its clock', () => {
    const frameAt = workerOrigin + 8_314.75; // the worker's performance.now() 7.4 s after the start
    const state = overlayStateAt(clock, frameAt, Date.UTC(2026, 10, 30, 21, 5, 9, 999));
    expect(state.elapsedMs).toBeCloseTo(7_400, 6);
    expect(overlayLabels(state)).toEqual({ elapsed: '0:07', stamp: 'int-42  2026-11-30 21:05:09 UTC' });
  });

  it('shows 0:00, never a negative time, for a frame drawn just before the start', () => {
    const state = overlayStateAt(clock, clock.startedAt - 40, Date.UTC(2026, 0, 1));
    expect(state.elapsedMs).toBe(0);
    expect(overlayLabels(state).elapsed).toBe('0:00');
  });

  it('stamps UTC, whatever the time zone, and an hour-long take as h:mm:ss', () => {
    const state = overlayStateAt(clock, clock.startedAt + 3_723_500, Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(overlayLabels(state)).toEqual({ elapsed: '1:02:03', stamp: 'int-42  2026-12-31 23:59:59 UTC' });
  });
});

describe('permission doctor', () => {
  it('says where to allow camera and microphone on each OS', () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    expect(explainMediaError(denied, 'mac').advice).toMatch(/Privacy & Security → Camera/);
    expect(explainMediaError(denied, 'windows').advice).toMatch(/Let desktop apps access your camera/);
    expect(explainMediaError(denied, 'linux').title).toBe('Camera or microphone access is blocked');
  });

  it('tells a missing device from a busy one', () => {
    expect(explainMediaError({ name: 'NotFoundError' }, 'linux').title).toMatch(/No camera/);
    expect(explainMediaError({ name: 'NotReadableError' }, 'linux').advice).toMatch(/Another app/);
  });
});

describe('binary JSON for the browser host', () => {
  it('round-trips bytes anywhere in a payload and leaves other values alone', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const wire = JSON.parse(JSON.stringify(encodeBinary({ a: 1, nested: [{ bytes }], s: '$bytes' }))) as unknown;
    const back = decodeBinary(wire) as { a: number; nested: Array<{ bytes: Uint8Array }>; s: string };
    expect(back.a).toBe(1);
    expect(back.s).toBe('$bytes');
    expect(back.nested[0]!.bytes).toEqual(bytes);
  });

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
