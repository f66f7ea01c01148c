import { useCallback, useState } from 'react';

/**
 * A user action (retry, cancel…) and the message shown when it, or a refresh, fails: `act` clears the last
 * message, runs the action and keeps its error; `fail` records one from elsewhere.
 */
export function useAction(): { actionError: string | null; act(action: () => Promise<unknown>): void; fail(error: Error): void } {
  const [actionError, setActionError] = useState<string | null>(null);
  const fail = useCallback((error: Error) => setActionError(error.message), []);
  const act = (action: () => Promise<unknown>) => {
    setActionError(null);
    action().catch(fail);
  };
  return { actionError, act, fail };
}
