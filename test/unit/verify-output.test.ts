import { describe, expect, it } from 'vitest';
import type { MediaSpan } from '../../src/core/services/media/media-span';
import { checkAgainstSources, expectationFor, VerificationError } from '../../src/core/services/finalize/verify-output';

const span = (seconds: number, video = seconds * 30, audio = seconds * 50): MediaSpan => ({
  video: { packets: video, startMs: 0, endMs: seconds * 1000 },
  audio: { packets: audio, startMs: 0, endMs: seconds * 1000 },
  durationMs: seconds * 1000,
});
const output = (seconds: number, video = seconds * 30, audio = seconds * 50) => ({
  span: span(seconds, video, audio),
  durationMs: seconds * 1000,
});

describe('verification against the recorded chunks', () => {
  it('accepts a file holding the packets and media time of its segments (a retake joined)', () => {
    expect(() => checkAgainstSources(output(11), [span(6), span(5)])).not.toThrow();
    expect(() => checkAgainstSources({ ...output(11), durationMs: 11_250 }, [span(6), span(5)])).not.toThrow();
    // a muxer trims an Opus priming packet at a boundary
    expect(() => checkAgainstSources(output(6, 180, 299), [span(6)])).not.toThrow();
  });

  it('refuses a file that lost a second of packets, saying what is missing', () => {
    expect(() => checkAgainstSources(output(6, 150, 300), [span(6)])).toThrow(
      new VerificationError('the finished file has 150 video packets but the recorded chunks hold 180'),
    );
    expect(() => checkAgainstSources(output(6, 180, 250), [span(6)])).toThrow(/250 audio packets .* hold 300/);
  });

  it('refuses a file whose duration strays beyond a frame or two per segment from the media recorded', () => {
    expect(() => checkAgainstSources({ ...output(6), durationMs: 6400 }, [span(6)])).toThrow(
      'the finished file lasts 6.40 s but the recorded chunks hold 6.00 s of media',
    );
  });
});

describe('verification expectations', () => {
  it('reads the codecs the recorder promised', () => {
    expect(expectationFor('video/webm;codecs=h264,opus')).toEqual({ videoCodec: 'h264', audio: true });
    expect(expectationFor('video/webm;codecs=vp9')).toEqual({ videoCodec: 'vp9', audio: false });
    expect(expectationFor('video/webm')).toEqual({ videoCodec: null, audio: true });
  });
});
