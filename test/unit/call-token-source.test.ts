import { describe, expect, it, vi } from 'vitest';
import type { CallJoin } from '../../src/shared/domain/call-join';
import { IpcError } from '../../src/shared/ipc/errors';
import { CallFailure } from '../../src/renderer/features/call/interview-call';
import { prepareCall, tokenFailure } from '../../src/renderer/features/call/call-token-source';

const CALL = { provider: 'agora', channel: 'c1', participantId: '7', displayName: 'Anna' } as const;

describe('the renderer’s token source over getCallToken', () => {
  it('builds the join from the core’s answer, uses the first token once, then fetches a new one each time', async () => {
    let n = 0;
    const getCallToken = vi.fn(async (): Promise<CallJoin> => ({
      ticket: `t${++n}`,
      expiresAt: Date.now() + 3_600_000,
      appId: 'a'.repeat(32),
      joinTimeoutSeconds: 15,
    }));
    const prepared = await prepareCall({ getCallToken }, CALL);
    expect(prepared.join).toEqual({ ...CALL, appId: 'a'.repeat(32), serverUrl: undefined });
    expect(prepared.timeoutMs).toBe(15_000);
    expect((await prepared.tokens(prepared.join)).token).toBe('t1');
    expect((await prepared.tokens(prepared.join)).token).toBe('t2');
    expect(getCallToken).toHaveBeenCalledWith({ provider: 'agora', channel: 'c1', participantId: '7' });
  });

  it('does not hand out a first token that is about to expire', async () => {
    let n = 0;
    const getCallToken = async (): Promise<CallJoin> => ({ ticket: `t${++n}`, expiresAt: Date.now() + 5_000, joinTimeoutSeconds: 15 });
    const prepared = await prepareCall({ getCallToken }, CALL);
    expect((await prepared.tokens(prepared.join)).token).toBe('t2');
  });

  it.each([
    [{ code: 'BACKEND_ERROR', message: 'The LiveKit token endpoint refused a token (HTTP 401)', details: { kind: 'auth' } }, 'auth'],
    [{ code: 'BACKEND_ERROR', message: 'Could not reach the Agora token endpoint', details: { kind: 'unreachable' } }, 'unreachable'],
    [{ code: 'BACKEND_ERROR', message: 'HTTP 500', details: { kind: 'server' } }, 'unreachable'],
    [{ code: 'BACKEND_ERROR', message: 'HTTP 400', details: { kind: 'invalid' } }, 'rejected'],
    [{ code: 'NOT_CONFIGURED', message: 'Live calls over Agora are not configured: set backends.agora.appId.' }, 'not-configured'],
  ] as const)('a core error %o is a %s call failure with the core’s words as detail', async (shape, kind) => {
    const failure = tokenFailure(new IpcError({ ...shape, details: 'details' in shape ? { ...shape.details } : undefined }));
    expect(failure).toBeInstanceOf(CallFailure);
    expect(failure.error).toEqual({ kind, detail: `${shape.code}: ${shape.message}` });
    await expect(prepareCall({ getCallToken: () => Promise.reject(new IpcError({ ...shape })) }, CALL)).rejects.toBeInstanceOf(CallFailure);
  });
});
