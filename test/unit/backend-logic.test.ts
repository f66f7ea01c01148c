import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agoraIdProblems, agoraStatusText, isAgoraStatusHealthy, stopDataSchema } from '../../src/core/services/backends/agora/agora-wire';
import { isAppError } from '../../src/core/errors/app-error';
import { BackendError, HTTP, kindForStatus } from '../../src/core/services/backends/backend-error';
import type { BackendClients } from '../../src/core/services/backends/backend-clients';
import { joinUrl, parseReply, retryAfterMs } from '../../src/core/services/backends/http-json';
import { createRateBudget, type RateBudgetClock } from '../../src/core/services/backends/livekit/rate-budget';
import { missingChunksOf, videoOutcome } from '../../src/core/services/backends/media-api/media-client';
import { stillWorking, Undeliverable } from '../../src/core/services/backends/outbox/delivery';
import { recorderFor } from '../../src/core/services/backends/recorders/cloud-recorder';
import { createRecorders } from '../../src/core/services/backends/recorders/recorders';
import { configSchema } from '../../src/shared/config/schema';
import type { CloudSession } from '../../src/shared/domain/cloud';

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

describe('backend errors', () => {
  it('are app errors whose code and retryability follow the HTTP status table', () => {
    const cases = [
      [HTTP.unauthorized, 'auth', false],
      [HTTP.notFound, 'not-found', false],
      [HTTP.unprocessable, 'invalid', false],
      [HTTP.tooManyRequests, 'rate-limited', true],
      [HTTP.requestTimeout, 'server', true],
      [HTTP.serverError, 'server', true],
    ] as const;
    for (const [status, kind, retryable] of cases) {
      const error = new BackendError({ backend: 'livekit', kind: kindForStatus(status), status, message: 'm' });
      expect(isAppError(error, 'BACKEND_ERROR')).toBe(true);
      expect(error).toMatchObject({ kind, retryable, details: { backend: 'livekit', kind, status } });
    }
    const unset = new BackendError({ backend: 'media', kind: 'not-configured', message: 'Set backends.mediaApi.baseUrl.' });
    expect(isAppError(unset, 'NOT_CONFIGURED')).toBe(true);
    expect(new Undeliverable('The file is gone.')).toMatchObject({ code: 'BACKEND_ERROR', retryable: false, message: 'The file is gone.' });
  });

  it('reads the chunks a refused finalize names, only from a 400', () => {
    const refused = (status: number) =>
      new BackendError({ backend: 'media', kind: kindForStatus(status), status, reply: { missingChunks: [2, 5] }, message: 'm' });
    expect(missingChunksOf(refused(HTTP.badRequest))).toEqual([2, 5]);
    expect(missingChunksOf(refused(HTTP.serverError))).toEqual([]);
    expect(missingChunksOf(new Error('other'))).toEqual([]);
  });

  it('looks again at a backend still working after a quarter of the time waited, between 1 and 30 seconds', () => {
    expect(stillWorking(0, 'n')).toEqual({ done: false, retryInMs: 1000, note: 'n' });
    expect(stillWorking(8000, 'n')).toMatchObject({ retryInMs: 2000 });
    expect(stillWorking(3_600_000, 'n')).toMatchObject({ retryInMs: 30_000 });
  });
});

describe('cloud recorders', () => {
  const settings = configSchema.parse({ backends: { agora: { uid: '4242' } } }).backends;
  const clients: BackendClients = { agora: null, livekit: null, media: null, notConfigured: {} };
  const recorders = createRecorders({ clients, settings, update: () => undefined, now: () => new Date() });
  const links = { id: 'i', title: 't', scheduleId: 'sched', agoraChannel: 'chan', livekitRoom: 'room' };

  it('each plans its session from the interview links, and none when the links do not name it', () => {
    expect(recorders.agora.plan(links)).toEqual({ target: 'chan', uid: '4242', scheduleId: 'sched' });
    expect(recorders.livekit.plan(links)).toEqual({ target: 'room' });
    const none = { ...links, agoraChannel: null, livekitRoom: null };
    expect(Object.values(recorders).map((recorder) => recorder.plan(none))).toEqual([undefined, undefined]);
  });

  it('are found by the session’s backend, and stop through their own outbox call', () => {
    const session = { backend: 'livekit', egressId: null } as Extract<CloudSession, { backend: 'livekit' }>;
    expect(recorderFor(recorders, session)).toBe(recorders.livekit);
    expect(Object.values(recorders).map((recorder) => `${recorder.backend}:${recorder.stopKind}`)).toEqual([
      'agora:agora.stop',
      'livekit:livekit.stop',
    ]);
  });

  it('refuse to stop a recording that never started, without asking the backend', async () => {
    const agora = { backend: 'agora', uid: '1', target: 'chan', recording: null } as Extract<CloudSession, { backend: 'agora' }>;
    const item = { id: 1, sessionId: 's', kind: 'agora.stop', state: 'pending', attempts: 0, nextAttemptAt: '', lastError: null } as const;
    const withAgora = createRecorders({
      clients: { ...clients, agora: {} as never },
      settings,
      update: () => undefined,
      now: () => new Date(),
    });
    await expect(withAgora.agora.stop(agora, item)).rejects.toBeInstanceOf(Undeliverable);
  });
});
