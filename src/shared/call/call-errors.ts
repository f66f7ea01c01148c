/**
 * Why a call failed or ended, as a closed set the UI has words for (call-messages.ts):
 * - unreachable: the service could not be reached (offline, firewall, wrong URL or App ID);
 * - timeout: no answer within the join timeout (Agora's Web SDK never rejects a join offline);
 * - auth: the token was refused or expired and could not be renewed;
 * - rejected: the service refused the join for another reason (full room, same uid twice);
 * - media-denied: the camera or microphone could not be published;
 * - kicked: someone removed this participant, or the room was closed;
 * - dropped: an established call was lost and could not be reconnected;
 * - unsupported: this runtime cannot run the provider (e.g. Agora's native SDK on Linux);
 * - not-configured: this computer has no settings for the provider (App ID, server or token endpoint).
 */
export const callErrorKinds = [
  'unreachable',
  'timeout',
  'auth',
  'rejected',
  'media-denied',
  'kicked',
  'dropped',
  'unsupported',
  'not-configured',
] as const;

export type CallErrorKind = (typeof callErrorKinds)[number];

/** The core's backend error kinds (BackendError.kind; 'not-configured' for NOT_CONFIGURED) in the call's closed set. */
export function callErrorKindOfBackend(kind: string | undefined): CallErrorKind {
  if (kind === 'auth') return 'auth';
  if (kind === 'not-configured') return 'not-configured';
  return kind === 'unreachable' || kind === 'server' || kind === 'rate-limited' ? 'unreachable' : 'rejected';
}
