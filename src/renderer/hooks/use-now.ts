import { useEffect, useState } from 'react';

/** performance.now(), refreshed every `intervalMs` while mounted: for countdowns on screen. */
export function useNow(intervalMs = 250): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
