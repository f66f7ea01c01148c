import type { CallError, CallErrorKind } from '../interview-call';

/** Agora's error codes (AgoraRTCError.code) in the closed set; a code not named here is `rejected`. */
const CODE_KINDS: Record<string, CallErrorKind> = {
  CAN_NOT_GET_GATEWAY_SERVER: 'unreachable',
  CAN_NOT_GET_PROXY_SERVER: 'unreachable',
  VOID_GATEWAY_ADDRESS: 'unreachable',
  NETWORK_ERROR: 'unreachable',
  NETWORK_TIMEOUT: 'unreachable',
  NETWORK_RESPONSE_ERROR: 'unreachable',
  WS_ABORT: 'unreachable',
  WS_DISCONNECT: 'unreachable',
  WS_ERR: 'unreachable',
  ICE_FAILED: 'unreachable',
  NO_ICE_CANDIDATE: 'unreachable',
  // A join cut short by leave() (the join timeout) or a request that never returned.
  OPERATION_ABORTED: 'timeout',
  TIMEOUT: 'timeout',
  API_INVOKE_TIMEOUT: 'timeout',
  INVALID_TOKEN: 'auth',
  TOKEN_EXPIRE: 'auth',
  TOKEN_EXPIRED: 'auth',
  UID_CONFLICT: 'rejected',
  INVALID_PARAMS: 'rejected',
  INVALID_OPERATION: 'rejected',
  NOT_SUPPORTED: 'unsupported',
  WEB_SECURITY_RESTRICT: 'unsupported',
  PERMISSION_DENIED: 'media-denied',
  NOT_READABLE: 'media-denied',
  DEVICE_NOT_FOUND: 'media-denied',
  CONSTRAINT_NOT_SATISFIED: 'media-denied',
  TRACK_IS_DISABLED: 'media-denied',
  INVALID_LOCAL_TRACK: 'media-denied',
  CAN_NOT_PUBLISH_MULTIPLE_VIDEO_TRACKS: 'media-denied',
};

/**
 * CAN_NOT_GET_GATEWAY_SERVER covers every refusal of Agora's access servers; its message says which
 * ("invalid token, authorized failed", "dynamic key expired", "invalid vendor key, can not find appid", …).
 */
const GATEWAY_MESSAGES: Array<[RegExp, CallErrorKind]> = [
  [/invalid token|authorized failed|dynamic key|static key|key or token/i, 'auth'],
  [/invalid channel name|over load|forbidden in this area|no active status/i, 'rejected'],
];

/** Why Agora ended a call it had joined (ConnectionDisconnectedReason); LEAVE is our own leave and ends nothing. */
const DISCONNECT_KINDS: Record<string, CallErrorKind> = {
  NETWORK_ERROR: 'dropped',
  SERVER_ERROR: 'dropped',
  FALLBACK: 'dropped',
  FALLBACK_TO_HLS: 'dropped',
  UID_BANNED: 'kicked',
  IP_BANNED: 'kicked',
  CHANNEL_BANNED: 'kicked',
  TOKEN_EXPIRE: 'auth',
  UID_CONFLICT: 'rejected',
};

/** An Agora join or publish error (AgoraRTCError: `code`, `message`) in the closed set, the code kept in `detail`. */
export function agoraError(error: unknown, during: 'join' | 'publish'): CallError {
  const code = String((error as { code?: unknown } | null)?.code ?? 'UNKNOWN');
  const message = error instanceof Error ? error.message : String(error);
  const detail = `${code}: ${message}`.slice(0, 300);
  if (during === 'publish' && !(code in CODE_KINDS)) return { kind: 'media-denied', detail };
  if (code === 'CAN_NOT_GET_GATEWAY_SERVER') {
    const found = GATEWAY_MESSAGES.find(([pattern]) => pattern.test(message));
    if (found) return { kind: found[1], detail };
  }
  return { kind: CODE_KINDS[code] ?? 'rejected', detail };
}

/** The error for Agora's DISCONNECTED state, or undefined when we left ourselves (LEAVE, no reason). */
export function agoraDisconnect(reason: string | undefined): CallError | undefined {
  if (!reason || reason === 'LEAVE') return undefined;
  if (reason.startsWith('LICENSE_')) return { kind: 'rejected', detail: reason };
  return { kind: DISCONNECT_KINDS[reason] ?? 'dropped', detail: reason };
}
