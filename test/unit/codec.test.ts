import { describe, expect, it } from 'vitest';
import { chooseMimeType, recorderOptionsFor } from '../../src/renderer/features/recorder/codec';

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
