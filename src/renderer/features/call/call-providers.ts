import type { CallFactory, CallProviderName } from './interview-call';
import { agoraCall } from './providers/agora-call';
import { createAgoraNativeProxy } from './providers/agora-native-proxy';
import { createDevCall } from './providers/dev-call';
import { livekitCall } from './providers/livekit-call';

/** The call provider a script names, by name. The SDKs load on the first connect, so this costs nothing until then. */
export const CALL_FACTORIES: Readonly<Record<CallProviderName, CallFactory>> = {
  // `calls.agoraSdk: native`: Agora's native SDK in the dedicated call window (window.api is absent on the call-check page).
  agora: (join, tokens) => (join.agoraSdk === 'native' ? createAgoraNativeProxy(join, globalThis.window?.api) : agoraCall(join, tokens)),
  livekit: livekitCall,
  dev: (join, tokens) => createDevCall(join, tokens),
};
