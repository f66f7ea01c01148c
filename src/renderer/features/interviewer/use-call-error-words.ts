import { useCallback } from 'react';
import { useMessages } from '../../i18n/locale-context';
import type { CallError, CallErrorKind, CallProviderName } from '../call/interview-call';
import { deskCallErrorMessages } from './desk-call-error-messages';

type Key = keyof (typeof deskCallErrorMessages)['en'];

const KEYS: Record<CallErrorKind, Key> = {
  unreachable: 'unreachable',
  timeout: 'timeout',
  auth: 'auth',
  rejected: 'rejected',
  'media-denied': 'mediaDenied',
  kicked: 'kicked',
  dropped: 'dropped',
  unsupported: 'unsupported',
  'not-configured': 'notConfigured',
};

/** The interviewer's words for a call error of `provider` (the provider's own detail stays for the title/logs). */
export function useCallErrorWords(provider: CallProviderName): (error: Pick<CallError, 'kind'> | undefined) => string {
  const t = useMessages(deskCallErrorMessages);
  const name = provider === 'agora' ? 'Agora' : provider === 'livekit' ? 'LiveKit' : t('providerDev');
  return useCallback((error) => t(KEYS[error?.kind ?? 'dropped'], { provider: name }), [t, name]);
}
