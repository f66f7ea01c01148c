import { useEffect, useState } from 'react';
import type { CloudSession } from '../../../shared/domain/cloud';
import { api } from '../../api';

/** An interview's cloud recordings and backend uploads, live from `cloudSessionChanged` events. */
export function useCloudSessions(interviewId: string): CloudSession[] {
  const [sessions, setSessions] = useState<CloudSession[]>([]);
  useEffect(() => {
    let alive = true;
    // The first answer can arrive after newer events: the later `updatedAt` wins.
    const merge = (session: CloudSession) =>
      setSessions((current) => {
        const known = current.find((s) => s.id === session.id);
        if (known && known.updatedAt > session.updatedAt) return current;
        return [...current.filter((s) => s.id !== session.id), session].sort((a, b) => a.backend.localeCompare(b.backend));
      });
    void api.getCloudSessions({ interviewId }).then(
      (list) => alive && list.forEach(merge),
      () => undefined,
    );
    const off = api.on('cloudSessionChanged', (session) => session.interviewId === interviewId && merge(session));
    return () => {
      alive = false;
      off();
    };
  }, [interviewId]);
  return sessions;
}
