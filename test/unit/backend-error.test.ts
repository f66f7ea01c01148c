import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors/app-error';
import { BackendError, HTTP, kindForStatus } from '../../src/core/services/backends/backend-error';
import { missingChunksOf } from '../../src/core/services/backends/media-api/media-client';
import { stillWorking, Undeliverable } from '../../src/core/services/backends/outbox/delivery';

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
