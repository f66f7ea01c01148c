import type { CallFactory, CallProviderName } from './interview-call';
import { agoraCall } from './providers/agora-call';
import { createDevCall } from './providers/dev-call';
import { livekitCall } from './providers/livekit-call';

/** The call provider a script names, by name. The SDKs load on the first connect, so this costs nothing until then. */
export const CALL_FACTORIES: Readonly<Record<CallProviderName, CallFactory>> = {
  agora: agoraCall,
  livekit: livekitCall,
  dev: (join, tokens) => createDevCall(join, tokens),
};
