import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BackendError } from '../../src/core/services/backends/backend-error';
import { joinUrl, parseReply, retryAfterMs } from '../../src/core/services/backends/http-json';
import { videoOutcome } from '../../src/core/services/backends/media-api/media-client';

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
