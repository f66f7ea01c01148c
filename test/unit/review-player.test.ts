import { describe, expect, it } from 'vitest';
import { linkExpiresAt, problemOfHlsError, problemOfMediaError } from '../../src/renderer/features/review/playback-problem';
import { actionForKey, nextSpeed, skippedTime } from '../../src/renderer/features/review/player-keys';
import { refreshDelayMs } from '../../src/renderer/features/review/review-refresh';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const SIGNED = 'https://b.s3.amazonaws.com/r.mp4?X-Amz-Date=20261201T110000Z&X-Amz-Expires=3600&X-Amz-Signature=abc';

describe('review player: keys, speed and skipping', () => {
  it('maps the shortcuts shown on screen, and nothing else', () => {
    expect(actionForKey(' ')).toEqual({ type: 'toggle' });
    expect(actionForKey('ArrowLeft')).toEqual({ type: 'skip', seconds: -15 });
    expect(actionForKey('ArrowRight')).toEqual({ type: 'skip', seconds: 15 });
    expect(actionForKey('[')).toEqual({ type: 'speed', step: -1 });
    expect(actionForKey(']')).toEqual({ type: 'speed', step: 1 });
    expect(actionForKey('a')).toBeNull();
  });

  it('steps speed within 0.5–2×', () => {
    expect(nextSpeed(1, 1)).toBe(1.25);
    expect(nextSpeed(2, 1)).toBe(2);
    expect(nextSpeed(0.5, -1)).toBe(0.5);
    expect(nextSpeed(1.1, -1)).toBe(1);
  });

  it('skips within the recording', () => {
    expect(skippedTime(10, -15, 100)).toBe(0);
    expect(skippedTime(90, 15, 100)).toBe(100);
    expect(skippedTime(90, 15, NaN)).toBe(105);
  });
});

describe('review player: refreshing while processing', () => {
  it('waits the longest wait asked for, doubling while still processing, capped', () => {
    const processing = (ms: number) => ({ status: 'processing' as const, retryAfterMs: ms });
    expect(refreshDelayMs([{ status: 'ready', retryAfterMs: null }], 0)).toBeNull();
    expect(refreshDelayMs([processing(5000), processing(15_000)], 0)).toBe(15_000);
    expect(refreshDelayMs([processing(5000)], 1)).toBe(10_000);
    expect(refreshDelayMs([processing(5000)], 10)).toBe(40_000);
    expect(refreshDelayMs([processing(60_000)], 3)).toBe(300_000);
  });
});

describe('review player: why a recording does not play, in words', () => {
  it('tells when a presigned link expires from its own query', () => {
    expect(linkExpiresAt(SIGNED)).toBe(Date.parse('2026-12-01T12:00:00Z'));
    expect(linkExpiresAt('https://x/r.mp4?Expires=1800000000')).toBe(1_800_000_000_000);
    expect(linkExpiresAt('/__irec/media/rec/0')).toBeNull();
  });

  it('expired, refused, network, unsupported', () => {
    expect(problemOfMediaError(4, SIGNED, NOW, true)).toBe('expired');
    expect(problemOfMediaError(4, SIGNED, NOW - 60_000, true)).toBe('forbidden');
    expect(problemOfMediaError(2, 'https://x/r.mp4', NOW, true)).toBe('network');
    expect(problemOfMediaError(4, 'https://x/r.mp4', NOW, false)).toBe('network');
    expect(problemOfMediaError(3, 'https://x/r.mp4', NOW, true)).toBe('unsupported');
    expect(problemOfMediaError(4, '/__irec/media/rec/0', NOW, true)).toBe('unsupported');
    expect(problemOfHlsError({ type: 'networkError', responseCode: 403 }, 'https://x/p.m3u8', NOW, true)).toBe('forbidden');
    expect(problemOfHlsError({ type: 'networkError', responseCode: 0 }, 'https://x/p.m3u8', NOW, true)).toBe('network');
    expect(problemOfHlsError({ type: 'mediaError' }, 'https://x/p.m3u8', NOW, true)).toBe('unsupported');
  });
});
