import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

/** What the core answers when no Electron shell took over `nativeCall` (the browser host, Linux). */
export const NATIVE_CALL_UNSUPPORTED = {
  accepted: false,
  detail: "Agora's native SDK (calls.agoraSdk: native) runs only in the desktop app on Windows and macOS",
} as const;

export function callHandlers(core: Core): Pick<HandlerTable, 'getCallToken' | 'callJoined' | 'nativeCall'> {
  return {
    // Needs no catalog: a degraded core still lets a live interview's call join.
    getCallToken: (request) => core.callTokens.get(request),
    callJoined: ({ recordingId }) => {
      core.pipeline.callJoined(recordingId);
      return null;
    },
    // The Electron shell on Windows and macOS replaces this with its call-window bridge (src/main/app.ts).
    nativeCall: () => NATIVE_CALL_UNSUPPORTED,
  };
}
