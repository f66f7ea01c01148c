import type { Translate } from '../../../shared/i18n/messages';
import type { callMessages } from './call-messages';
import type { CallError, CallErrorKind, CallProviderName, CallState } from './interview-call';

export type CallMessageKey = keyof (typeof callMessages)['en'];

const ERROR_KEYS: Record<CallErrorKind, CallMessageKey> = {
  unreachable: 'errorUnreachable',
  timeout: 'errorTimeout',
  auth: 'errorAuth',
  rejected: 'errorRejected',
  'media-denied': 'errorMediaDenied',
  kicked: 'errorKicked',
  dropped: 'errorDropped',
  unsupported: 'errorUnsupported',
  'not-configured': 'errorNotConfigured',
};

const STATE_KEYS: Record<CallState, CallMessageKey> = {
  idle: 'stateIdle',
  connecting: 'stateConnecting',
  connected: 'stateConnected',
  reconnecting: 'stateReconnecting',
  disconnected: 'stateDisconnected',
};

/** Agora and LiveKit are names; the development server is described in the person's language. */
const providerLabel = (t: Translate<CallMessageKey>, provider: CallProviderName) =>
  provider === 'agora' ? 'Agora' : provider === 'livekit' ? 'LiveKit' : t('providerDev');

/** The sentence for a call error (its `detail` is for logs and support, never shown instead of this). */
export const describeCallError = (t: Translate<CallMessageKey>, provider: CallProviderName, error: Pick<CallError, 'kind'>): string =>
  t(ERROR_KEYS[error.kind], { provider: providerLabel(t, provider) });

export const describeCallState = (t: Translate<CallMessageKey>, state: CallState): string => t(STATE_KEYS[state]);
