import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

export function callHandlers(core: Core): Pick<HandlerTable, 'getCallToken' | 'callJoined'> {
  return {
    // Needs no catalog: a degraded core still lets a live interview's call join.
    getCallToken: (request) => core.callTokens.get(request),
    callJoined: ({ recordingId }) => {
      core.pipeline.callJoined(recordingId);
      return null;
    },
  };
}
