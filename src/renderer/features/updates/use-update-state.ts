import { useEffect, useState } from 'react';
import type { UpdateState } from '../../../shared/domain/updates';
import { api } from '../../api';

/** The app's update state: asked once, then followed by `updateState` events (an event beats a late answer). */
export function useUpdateState(): UpdateState | null {
  const [update, setUpdate] = useState<UpdateState | null>(null);
  useEffect(() => {
    let heard = false;
    const unsubscribe = api.on('updateState', (next) => {
      heard = true;
      setUpdate(next);
    });
    api
      .getUpdateState()
      .then((now) => heard || setUpdate(now))
      .catch(() => undefined); // no update notice is the right answer when the state cannot be had
    return unsubscribe;
  }, []);
  return update;
}
