import type { CallJoin, CallTokenProvider } from '../../../shared/domain/call-join';
import type { Api } from '../../../shared/ipc/client';
import { callErrorKindOfBackend } from '../../../shared/call/call-errors';
import { IpcError } from '../../../shared/ipc/errors';
import { CallFailure, type CallErrorKind, type CallToken, type JoinInfo, type TokenSource } from './interview-call';

/** Why a token could not be had, as a call error; the core's message (which names the setting or status) is the detail. */
export function tokenFailure(error: unknown): CallFailure {
  if (error instanceof CallFailure) return error;
  // By name too: the browser host's bridge is a bundle of its own, whose IpcError is another class than this one.
  if (error instanceof IpcError || (error instanceof Error && error.name === 'IpcError' && 'code' in error)) {
    const { code, details } = error as IpcError;
    const kind: CallErrorKind =
      code === 'NOT_CONFIGURED' ? 'not-configured' : code === 'BACKEND_ERROR' ? callErrorKindOfBackend(String(details?.kind)) : 'rejected';
    return new CallFailure({ kind, detail: `${code}: ${error.message}`.slice(0, 300) });
  }
  return new CallFailure({ kind: 'rejected', detail: String(error).slice(0, 300) });
}

export interface PreparedCall {
  join: JoinInfo;
  tokens: TokenSource;
  /** `calls.joinTimeoutSeconds`, for ConnectOptions.timeoutMs. */
  timeoutMs: number;
}

const tokenOf = (answer: CallJoin): CallToken => ({
  token: answer.ticket,
  ...(answer.expiresAt === undefined ? {} : { expiresAt: answer.expiresAt }),
});

/** A token is reused only while it has this long left; a join or renewal wants one that lasts. */
const FRESH_ENOUGH_MS = 60_000;

/**
 * Join information from the core (App ID or server URL, the join timeout) and a token source over `getCallToken`.
 * The token fetched here serves the first join; every later call of the source (a renewal, a reconnect) gets a new one.
 */
export async function prepareCall(
  api: Pick<Api, 'getCallToken'>,
  call: { provider: CallTokenProvider; channel: string; participantId: string; displayName: string },
): Promise<PreparedCall> {
  const request = { provider: call.provider, channel: call.channel, participantId: call.participantId };
  const first = await api.getCallToken(request).catch((error: unknown) => Promise.reject(tokenFailure(error)));
  let unused: CallToken | undefined = tokenOf(first);
  const tokens: TokenSource = async () => {
    const reuse = unused;
    unused = undefined;
    if (reuse && (reuse.expiresAt === undefined || reuse.expiresAt - Date.now() > FRESH_ENOUGH_MS)) return reuse;
    return tokenOf(await api.getCallToken(request).catch((error: unknown) => Promise.reject(tokenFailure(error))));
  };
  return {
    join: { ...call, appId: first.appId, serverUrl: first.serverUrl, agoraSdk: first.agoraSdk },
    tokens,
    timeoutMs: first.joinTimeoutSeconds * 1000,
  };
}
