import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiTransport } from '../../src/shared/ipc/client';
import { channelNames } from '../../src/shared/ipc/contract';
import { IpcError } from '../../src/shared/ipc/errors';

function transport(result: Awaited<ReturnType<ApiTransport['invoke']>>) {
  const sent: Array<[string, unknown]> = [];
  let emit: (event: string, payload: unknown) => void = () => undefined;
  const t: ApiTransport = {
    invoke: async (channel, request) => {
      sent.push([channel, request]);
      return result;
    },
    subscribe: (listener) => {
      emit = listener;
      return () => (emit = () => undefined);
    },
  };
  return { t, sent, emit: (e: string, p: unknown) => emit(e, p) };
}

describe('window.api derived from the contract', () => {
  it('has exactly one function per channel, plus on()', () => {
    const api = createApiClient(transport({ ok: true, value: null }).t);
    expect(Object.keys(api).sort()).toEqual([...channelNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends the channel name and request, and resolves with the value', async () => {
    const { t, sent } = transport({ ok: true, value: [] });
    await expect(createApiClient(t).listRecordings({ limit: 3 })).resolves.toEqual([]);
    expect(sent).toEqual([['listRecordings', { limit: 3 }]]);
  });

  it('rejects with a typed IpcError carrying code and issues', async () => {
    const { t } = transport({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: 'bad', issues: [{ path: 'limit', message: 'too small' }] },
    });
    const error = await createApiClient(t)
      .listRecordings({ limit: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'INVALID_PAYLOAD', issues: [{ path: 'limit' }] });
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const { t, emit } = transport({ ok: true, value: null });
    const seen: unknown[] = [];
    const off = createApiClient(t).on('recordingsChanged', (payload) => seen.push(payload));
    emit('somethingElse', { x: 1 });
    emit('recordingsChanged', { recordingId: 'r1' });
    off();
    emit('recordingsChanged', { recordingId: 'r2' });
    expect(seen).toEqual([{ recordingId: 'r1' }]);
  });
});
