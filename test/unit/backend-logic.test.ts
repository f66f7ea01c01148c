import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agoraIdProblems, agoraStatusText, isAgoraStatusHealthy, stopDataSchema } from '../../src/core/services/backends/agora/agora-wire';
import { BackendError } from '../../src/core/services/backends/backend-error';
import { joinUrl, parseReply, retryAfterMs } from '../../src/core/services/backends/http-json';
import { createRateBudget, type RateBudgetClock } from '../../src/core/services/backends/livekit/rate-budget';
import { videoOutcome } from '../../src/core/services/backends/media-api/media-client';

/** A clock that only moves when someone sleeps: the budget's waits become exact, instant numbers. */
function fakeClock(start = 1_000_000): RateBudgetClock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('rate budget', () => {
  it('lets `limit` requests through at once, then waits for the oldest to leave the window', async () => {
    const clock = fakeClock();
    const budget = createRateBudget(10, 60_000, clock);
    for (let i = 0; i < 10; i++) await budget.take();
    expect(clock.slept).toEqual([]);
    await budget.take();
    expect(clock.slept).toEqual([60_000]);
  });

  it('never lets more than `limit` through in any window, however the requests are spread', async () => {
    const clock = fakeClock();
    const budget = createRateBudget(60, 60_000, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      await budget.take();
      sentAt.push(clock.now());
      if (i % 7 === 0) await clock.sleep(3_000);
    }
    for (const start of sentAt) expect(sentAt.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(60);
  });

  it('holds everything until a time the server gave (X-RateLimit-Reset or Retry-After)', async () => {
    const clock = fakeClock();
    const budget = createRateBudget(60, 60_000, clock);
    budget.blockUntil(clock.now() + 12_345);
    await budget.take();
    expect(clock.slept).toEqual([12_345]);
  });
});

describe('Agora wire rules', () => {
  it('checks channel and uid before sending, with the documented limits', () => {
    expect(agoraIdProblems('interview_1733845678_a1b2c3d4e5f6g7h8', '1001')).toEqual({});
    expect(agoraIdProblems('x'.repeat(65), '1001').channel_name?.[0]).toMatch(/65 characters.*at most 64/);
    expect(agoraIdProblems('bad/channel', '1001').channel_name?.[0]).toMatch(/only letters/);
    expect(agoraIdProblems('ok', 'abc').uid?.[0]).toMatch(/digits/);
    expect(agoraIdProblems('ok', '4294967296').uid).toBeDefined();
    expect(agoraIdProblems('', '')).toEqual({ channel_name: [expect.any(String)], uid: [expect.any(String)] });
  });

  it('maps every documented status code to its words, and knows which are healthy', () => {
    const table = {
      0: 'not started',
      1: 'Initialization',
      2: 'starting',
      3: 'Uploader',
      4: 'Recorder is ready',
      5: 'in progress',
      6: 'paused',
      7: 'stopped',
      8: 'exited',
      20: 'abnormal',
    };
    for (const [code, words] of Object.entries(table)) expect(agoraStatusText(Number(code))).toContain(words);
    expect(agoraStatusText(42)).toBe('Unknown recording status 42');
    expect([5, 6].every(isAgoraStatusHealthy)).toBe(true);
    expect([7, 8, 20].some(isAgoraStatusHealthy)).toBe(false);
  });

  it("accepts Agora's own `fileName` spelling and a string file list", () => {
    const parsed = stopDataSchema.parse({
      resourceId: 'r',
      sid: 's',
      serverResponse: { fileList: [{ fileName: 'a.mp4', trackType: 'audio_and_video' }] },
    });
    expect(parsed.serverResponse.fileList).toEqual([{ filename: 'a.mp4', trackType: 'audio_and_video' }]);
    expect(
      stopDataSchema.parse({ resourceId: 'r', sid: 's', serverResponse: { fileListMode: 'string', fileList: 'a.m3u8' } }).serverResponse
        .fileList,
    ).toEqual([{ filename: 'a.m3u8' }]);
    expect(stopDataSchema.parse({ resourceId: 'r', sid: 's' }).serverResponse.fileList).toEqual([]);
  });
});

describe('replies', () => {
  it('names the missing field of a reply that breaks the contract, and ignores unknown extras', () => {
    const schema = z.object({ data: z.object({ sid: z.string() }) });
    expect(parseReply('agora', schema, { data: { sid: 'x', extra: 1 }, more: true }, 'start')).toEqual({ data: { sid: 'x' } });
    const error = (() => {
      try {
        parseReply('agora', schema, { data: {} }, 'start the cloud recording');
      } catch (e) {
        return e as BackendError;
      }
    })();
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ kind: 'contract', retryable: false });
    expect(error!.message).toMatch(/answered start the cloud recording in an unexpected form: data\.sid/);
  });

  it('joins base URLs and paths whatever the slashes, and reads Retry-After in both forms', () => {
    expect(joinUrl('http://h/api/agora/', '/recording/start')).toBe('http://h/api/agora/recording/start');
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }))).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(61_000).toUTCString() }), 1_000)).toBe(60_000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('reads the Media API video state from status and storage.transcode', () => {
    expect(videoOutcome({ success: true, status: 'completed', video: { s3Url: 'https://cdn/x.mp4' } })).toEqual({
      state: 'completed',
      url: 'https://cdn/x.mp4',
    });
    expect(videoOutcome({ success: true, status: 'processing', storage: { transcode: { media_recording: 'processing...' } } })).toEqual({
      state: 'processing',
    });
    expect(videoOutcome({ success: false, status: 'failed', storage: { transcode: { media_recording: 'merge_error' } } })).toEqual({
      state: 'failed',
      reason: 'the backend could not merge the chunks',
    });
  });
});
