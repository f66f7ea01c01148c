import type { CallError, CallErrorKind } from '../interview-call';
import type { LivekitFailure, LivekitQuality } from './livekit-seam';

/** ConnectionError reasons (by name) in the closed set. */
const REASON_KINDS: Record<string, CallErrorKind> = {
  ServerUnreachable: 'unreachable',
  WebSocket: 'unreachable',
  // Not a LiveKit server at that URL (its /rtc path is missing).
  ServiceNotFound: 'unreachable',
  Timeout: 'timeout',
  // Our own disconnect() during a connect: only the join timeout does that.
  Cancelled: 'timeout',
  NotAllowed: 'auth',
  InternalError: 'rejected',
};

/** Why the server ended a room or refused it (DisconnectReason, by name); CLIENT_INITIATED is our own leave. */
const DISCONNECT_KINDS: Record<string, CallErrorKind> = {
  DUPLICATE_IDENTITY: 'rejected',
  USER_UNAVAILABLE: 'rejected',
  USER_REJECTED: 'rejected',
  SIP_TRUNK_FAILURE: 'rejected',
  PARTICIPANT_REMOVED: 'kicked',
  ROOM_DELETED: 'kicked',
  ROOM_CLOSED: 'kicked',
  JOIN_FAILURE: 'unreachable',
  SERVER_SHUTDOWN: 'dropped',
  STATE_MISMATCH: 'dropped',
  MIGRATION: 'dropped',
  SIGNAL_CLOSE: 'dropped',
  CONNECTION_TIMEOUT: 'dropped',
  MEDIA_FAILURE: 'dropped',
  AGENT_ERROR: 'dropped',
  UNKNOWN_REASON: 'dropped',
};

const isFailure = (error: unknown): error is LivekitFailure => typeof (error as LivekitFailure | null)?.reason === 'string';

/** A LiveKit connect or publish error in the closed set, the reason (and status, DisconnectReason) in `detail`. */
export function livekitError(error: unknown, during: 'join' | 'publish'): CallError {
  if (during === 'publish') return { kind: 'media-denied', detail: String((error as Error)?.message ?? error).slice(0, 300) };
  if (!isFailure(error)) return { kind: 'rejected', detail: String((error as Error)?.message ?? error).slice(0, 300) };
  const parts = [error.reason, error.status === undefined ? '' : `HTTP ${error.status}`, error.disconnectReason ?? '', error.message];
  const detail = parts.filter(Boolean).join(': ').slice(0, 300);
  // A LeaveRequest during the join carries the server's DisconnectReason, which says more than the reason.
  const fromServer = error.disconnectReason ? DISCONNECT_KINDS[error.disconnectReason] : undefined;
  return { kind: fromServer ?? REASON_KINDS[error.reason] ?? 'rejected', detail };
}

/** The error for a room that ended (the Disconnected event), or undefined when we left ourselves. */
export function livekitDisconnect(reason: string | undefined): CallError | undefined {
  if (reason === 'CLIENT_INITIATED') return undefined;
  return { kind: DISCONNECT_KINDS[reason ?? 'UNKNOWN_REASON'] ?? 'dropped', detail: reason ?? 'UNKNOWN_REASON' };
}

/** LiveKit's ConnectionQuality on Agora's 0–6 scale (see docs/calls.md): LiveKit has no 3 or 5. */
export const LIVEKIT_QUALITY: Record<LivekitQuality, 0 | 1 | 2 | 4 | 6> = { excellent: 1, good: 2, poor: 4, lost: 6, unknown: 0 };
