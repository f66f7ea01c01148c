// Agora's native SDK's error codes and connection-change reasons in the call's closed set. Names and numbers are
// the SDK's (ErrorCodeType, ConnectionChangedReasonType), checked against its shipped types at compile time.
import type { ConnectionChangedReasonType, ErrorCodeType } from 'agora-electron-sdk';
import type { CallError, CallErrorKind } from '../interview-call';
import { NATIVE } from './agora-native-seam';

/** An enum's members by name, each with its number (as text, so the compiler can compare it) and its kind. */
type ByName<E> = { [K in keyof E]?: { code: `${E[K] & number}`; kind: CallErrorKind } };

/** ErrorCodeType, from onError or a negative return of joinChannel; a code not named here is `rejected`. */
const ERRORS = {
  ErrInvalidArgument: { code: '2', kind: 'rejected' },
  ErrNotReady: { code: '3', kind: 'rejected' },
  ErrNotSupported: { code: '4', kind: 'unsupported' },
  ErrRefused: { code: '5', kind: 'rejected' },
  ErrNotInitialized: { code: '7', kind: 'rejected' },
  ErrInvalidState: { code: '8', kind: 'rejected' },
  ErrNoPermission: { code: '9', kind: 'media-denied' },
  ErrTimedout: { code: '10', kind: 'timeout' },
  ErrBindSocket: { code: '13', kind: 'unreachable' },
  ErrNetDown: { code: '14', kind: 'unreachable' },
  ErrJoinChannelRejected: { code: '17', kind: 'rejected' },
  ErrAlreadyInUse: { code: '19', kind: 'rejected' },
  ErrInitNetEngine: { code: '21', kind: 'unreachable' },
  // A wrong App ID is told apart from an unreachable service nowhere else either (interview-call.ts, `unreachable`).
  ErrInvalidAppId: { code: '101', kind: 'unreachable' },
  ErrInvalidChannelName: { code: '102', kind: 'rejected' },
  ErrNoServerResources: { code: '103', kind: 'unreachable' },
  ErrTokenExpired: { code: '109', kind: 'auth' },
  ErrInvalidToken: { code: '110', kind: 'auth' },
  ErrConnectionInterrupted: { code: '111', kind: 'dropped' },
  ErrConnectionLost: { code: '112', kind: 'dropped' },
  ErrInvalidUserId: { code: '121', kind: 'rejected' },
  ErrClientIsBannedByServer: { code: '123', kind: 'kicked' },
  ErrLicenseCredentialInvalid: { code: '131', kind: 'rejected' },
  ErrLoadMediaEngine: { code: '1001', kind: 'unsupported' },
  ErrAdmGeneralError: { code: '1005', kind: 'media-denied' },
  ErrAdmInitRecording: { code: '1011', kind: 'media-denied' },
  ErrAdmStartRecording: { code: '1012', kind: 'media-denied' },
  ErrVdmCameraNotAuthorized: { code: '1501', kind: 'media-denied' },
} satisfies ByName<typeof ErrorCodeType>;

/** ConnectionChangedReasonType, with the state Failed or Disconnected; LeaveChannel (our own leave) ends nothing. */
const REASONS = {
  ConnectionChangedInterrupted: { code: '2', kind: 'dropped' },
  ConnectionChangedBannedByServer: { code: '3', kind: 'kicked' },
  ConnectionChangedJoinFailed: { code: '4', kind: 'unreachable' },
  ConnectionChangedInvalidAppId: { code: '6', kind: 'unreachable' },
  ConnectionChangedInvalidChannelName: { code: '7', kind: 'rejected' },
  ConnectionChangedInvalidToken: { code: '8', kind: 'auth' },
  ConnectionChangedTokenExpired: { code: '9', kind: 'auth' },
  ConnectionChangedRejectedByServer: { code: '10', kind: 'rejected' },
  ConnectionChangedKeepAliveTimeout: { code: '14', kind: 'dropped' },
  ConnectionChangedLost: { code: '16', kind: 'dropped' },
  // Someone joined with this uid elsewhere and took the place: like the dev server's `replaced`.
  ConnectionChangedSameUidLogin: { code: '19', kind: 'kicked' },
  ConnectionChangedTooManyBroadcasters: { code: '20', kind: 'rejected' },
  ConnectionChangedLicenseValidationFailure: { code: '21', kind: 'rejected' },
  ConnectionChangedCertificationVeryfyFailure: { code: '22', kind: 'rejected' },
  ConnectionChangedStreamChannelNotAvailable: { code: '23', kind: 'rejected' },
  ConnectionChangedInconsistentAppid: { code: '24', kind: 'rejected' },
} satisfies ByName<typeof ConnectionChangedReasonType>;

const byCode = (table: Record<string, { code: string; kind: CallErrorKind }>) =>
  new Map(Object.entries(table).map(([name, { code, kind }]) => [Number(code), { name, kind }]));
const ERROR_CODES = byCode(ERRORS);
const REASON_CODES = byCode(REASONS);

/** An ErrorCodeType (negative when a method returned it) in the closed set; the name and message kept in `detail`. */
export function nativeError(code: number, message = ''): CallError {
  const known = ERROR_CODES.get(Math.abs(code));
  const detail = `${known?.name ?? 'ErrorCode'} (${Math.abs(code)})${message ? `: ${message}` : ''}`.slice(0, 300);
  return { kind: known?.kind ?? 'rejected', detail };
}

/** Why Agora gave up a connection (state Failed or Disconnected), or undefined for our own leave. */
export function nativeDisconnect(reason: number): CallError | undefined {
  if (reason === NATIVE.leaveReason) return undefined;
  const known = REASON_CODES.get(reason);
  return { kind: known?.kind ?? 'dropped', detail: `${known?.name ?? 'ConnectionChangedReason'} (${reason})` };
}
