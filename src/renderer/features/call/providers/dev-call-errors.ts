// How the development call server's refusals and a closed socket become the call interface's closed set of errors.
import type { DevCallErrorCode } from '../../../../shared/call/dev-call-protocol';
import { type CallError, CallFailure } from '../interview-call';

const KINDS: Record<DevCallErrorCode, CallError['kind']> = {
  auth: 'auth',
  rejected: 'rejected',
  // Someone joined with this participant's id from elsewhere: this copy was put out of the room.
  replaced: 'kicked',
  // The server did not understand this client: a bug or a version mismatch, not something a retry fixes.
  'bad-request': 'rejected',
};

export const serverError = (code: DevCallErrorCode, message: string): CallError => ({ kind: KINDS[code], detail: message });

/** A socket that closed without the server saying why: never opened = unreachable; opened = the call dropped. */
export function closedSocketError(url: string, opened: boolean, code: number, reason: string): CallError {
  const how = `WebSocket closed with code ${code}${reason ? `: ${reason}` : ''}`;
  return opened
    ? { kind: 'dropped', detail: `the development call server's signalling connection was lost (${how})` }
    : { kind: 'unreachable', detail: `cannot reach the development call server at ${url} (${how})` };
}

/** Any failure as a CallError: a CallFailure keeps its own, anything else is `fallback` with the message. */
export function asCallError(error: unknown, fallback: CallError['kind'], context: string): CallError {
  if (error instanceof CallFailure) return error.error;
  return { kind: fallback, detail: `${context}: ${error instanceof Error ? error.message : String(error)}` };
}

/** Errors after which trying again cannot help (the next attempt would be refused the same way). */
export const isTerminal = (error: CallError): boolean =>
  error.kind === 'kicked' || error.kind === 'rejected' || error.kind === 'media-denied';
