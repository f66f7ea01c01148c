import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { CloudBackend, CloudSession } from '../../../shared/domain/cloud';
import { getCloudSession, insertCloudSession, updateCloudSession, type CloudSessionChanges } from '../catalog/queries/cloud-sessions';
import type { BackendClients } from './backend-clients';
import type { RecorderTarget } from './recorders/cloud-recorder';

export interface SessionStoreDeps {
  db: Database;
  clients: BackendClients;
  emit(session: CloudSession): void;
  now(): Date;
}

/** The cloud sessions in the catalog, each change published to whoever shows them. */
export function createSessionStore(deps: SessionStoreDeps) {
  const { db, clients } = deps;
  const at = () => deps.now().toISOString();

  const publish = (sessionId: string): void => {
    const session = getCloudSession(db, sessionId);
    if (session) deps.emit(session);
  };
  const update = (sessionId: string, changes: CloudSessionChanges): void => {
    updateCloudSession(db, sessionId, changes, at());
    publish(sessionId);
  };

  /** A new session of a recording (or of the interviewer's call: no recording); `missed` at once, with the setting to change, when its backend is not configured. */
  function create(interviewId: string, recordingId: string | null, backend: CloudBackend, where: RecorderTarget): CloudSession {
    const id = randomUUID();
    const configured = Boolean(clients[backend]);
    insertCloudSession(db, {
      id,
      interviewId,
      recordingId,
      backend,
      state: configured ? 'registering' : 'missed',
      createdAt: at(),
      ...where,
    });
    if (!configured) update(id, { error: clients.notConfigured[backend] ?? 'Not configured.' });
    const created = getCloudSession(db, id);
    if (!created) throw new Error(`Cloud session ${id} vanished as it was created.`);
    return created;
  }

  return { publish, update, create, at };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
