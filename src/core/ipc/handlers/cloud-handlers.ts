import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

type CloudChannels = 'getCloudSessions' | 'retryCloudCalls';

export function cloudHandlers(core: Core): Pick<HandlerTable, CloudChannels> {
  return {
    // Without a catalog there are no sessions to show: an empty list, not an error, on the interview screen.
    getCloudSessions: ({ interviewId }) => (core.status.state === 'ready' ? core.cloud.sessions({ interviewId }) : []),
    retryCloudCalls: () => {
      core.cloud.retry(true);
      return null;
    },
  };
}
