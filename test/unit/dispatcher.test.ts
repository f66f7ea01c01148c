import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type HandlerTable, type Sender } from '../../src/core/ipc/dispatcher';
import { z } from 'zod';
import { AppError, unavailable } from '../../src/core/errors/app-error';
import { IpcError } from '../../src/shared/ipc/errors';

const APP = 'app://interview-recorder';
const fromApp: Sender = { origin: APP, isMainFrame: true };

function setup(overrides: Partial<HandlerTable> = {}) {
  const calls: Array<[string, unknown]> = [];
  // Only the channels these tests call; the dispatcher never touches the others.
  const handlers = {
    getAppInfo: () => {
      calls.push(['getAppInfo', undefined]);
      return { name: 'n', version: '1', runtime: 'electron', platform: 'linux', dataDir: '/d', configProblems: [], interviewer: {} };
    },
    runDoctor: () => {
      throw new Error('not in this test');
    },
    listRecordings: (page) => {
      calls.push(['listRecordings', page]);
      return [];
    },
    writeLog: (entry) => {
      calls.push(['writeLog', entry]);
      return null;
    },
    ...overrides,
  } as HandlerTable;
  const onInternalError = vi.fn();
  const dispatch = createDispatcher({ handlers, trustedOrigins: [APP], onInternalError });
  return { dispatch, calls, onInternalError };
}

describe('dispatcher: payload validation happens before any handler', () => {
  it.each([
    ['a wrong type', { limit: 'ten' }, 'limit'],
    ['an out-of-range value', { limit: 0 }, 'limit'],
    ['an unknown key', { limit: 5, sql: 'DROP TABLE' }, ''],
    ['a non-object', 'everything', ''],
  ])('refuses %s with INVALID_PAYLOAD and never calls the handler', async (_name, payload, path) => {
    const { dispatch, calls } = setup();
    const result = await dispatch('listRecordings', payload, fromApp);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_PAYLOAD');
    expect(result.error.issues?.map((i) => i.path)).toContain(path);
    expect(calls).toEqual([]);
  });

  it('refuses a log entry without a message', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('writeLog', { level: 'info' }, fromApp);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'message' }] } });
    expect(calls).toEqual([]);
  });

  it('passes the parsed payload, with schema defaults applied, to the handler', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('listRecordings', { limit: 7 }, fromApp);
    expect(result).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([['listRecordings', { limit: 7, offset: 0 }]]);
  });
});

describe('dispatcher: sender check', () => {
  it.each<[string, Sender]>([
    ['another origin', { origin: 'https://evil.example', isMainFrame: true }],
    ['a look-alike origin', { origin: 'app://interview-recorder.evil', isMainFrame: true }],
    ['a file:// page', { origin: 'file://', isMainFrame: true }],
    ['a frame Electron cannot name', { origin: null, isMainFrame: true }],
    ['a subframe of the app', { origin: APP, isMainFrame: false }],
  ])('refuses %s before parsing, and never calls the handler', async (_name, sender) => {
    const { dispatch, calls } = setup();
    const result = await dispatch('getAppInfo', undefined, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('serves the app origin main frame', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch('getAppInfo', undefined, fromApp)).toMatchObject({ ok: true, value: { name: 'n' } });
    expect(calls).toHaveLength(1);
  });
});

describe('dispatcher: channels and failures', () => {
  it.each(['deleteEverything', '__proto__', 'constructor', 'toString'])('refuses unknown channel %s', async (channel) => {
    const { dispatch } = setup();
    expect(await dispatch(channel, undefined, fromApp)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes a typed IpcError from a handler through unchanged', async () => {
    const { dispatch } = setup({
      listRecordings: () => {
        throw new IpcError({ code: 'UNAVAILABLE', message: 'Catalog is newer than this app.' });
      },
    });
    expect(await dispatch('listRecordings', undefined, fromApp)).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Catalog is newer than this app.', retryable: false },
    });
  });

  it('maps an AppError to the envelope: code, message, retryable and its plain details', async () => {
    const { dispatch, onInternalError } = setup({
      listRecordings: () => {
        throw new AppError('DISK_FULL', 'Not enough disk space to finalize.', {
          retryable: true,
          details: { recordingId: 'r1', freeBytes: 10, nested: { secret: 'x' } },
          cause: new Error('ENOSPC /home/ada'),
        });
      },
    });
    expect(await dispatch('listRecordings', undefined, fromApp)).toEqual({
      ok: false,
      error: {
        code: 'DISK_FULL',
        message: 'Not enough disk space to finalize.',
        retryable: true,
        details: { recordingId: 'r1', freeBytes: 10 },
      },
    });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('maps a subclass of AppError and the degraded-core error by their codes', async () => {
    class Special extends AppError {}
    const special = setup({ listRecordings: () => Promise.reject(new Special('MEDIA_ERROR', 'The data does not decode.')) });
    expect(await special.dispatch('listRecordings', undefined, fromApp)).toMatchObject({
      ok: false,
      error: { code: 'MEDIA_ERROR', message: 'The data does not decode.', retryable: false },
    });
    const degraded = setup({ listRecordings: () => Promise.reject(unavailable('the catalog is newer than this app')) });
    expect(await degraded.dispatch('listRecordings', undefined, fromApp)).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { reason: 'the catalog is newer than this app' } },
    });
  });

  it('answers a zod failure inside a handler with INVALID_PAYLOAD and its issues', async () => {
    const { dispatch, onInternalError } = setup({
      listRecordings: () => z.object({ limit: z.number() }).parse({ limit: 'many' }) as never,
    });
    expect(await dispatch('listRecordings', undefined, fromApp)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', retryable: false, issues: [{ path: 'limit' }] },
    });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('hides unexpected errors from the renderer and reports them to the log', async () => {
    const { dispatch, onInternalError } = setup({
      listRecordings: () => {
        throw new Error('secret path /home/ada/.aws/credentials');
      },
    });
    const result = await dispatch('listRecordings', undefined, fromApp);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('credentials');
    expect(onInternalError).toHaveBeenCalledWith('listRecordings', expect.any(Error));
  });

  it('refuses a handler response that breaks the contract', async () => {
    const { dispatch, onInternalError } = setup({ listRecordings: () => [{ id: 42 }] as never });
    expect(await dispatch('listRecordings', undefined, fromApp)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(onInternalError).toHaveBeenCalledWith('listRecordings', expect.any(z.ZodError));
  });
});
