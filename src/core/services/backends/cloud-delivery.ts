import type { Database } from 'better-sqlite3';
import type { Config } from '../../../shared/config/schema';
import type { CloudBackend, CloudSession } from '../../../shared/domain/cloud';
import { getCloudSession, type CloudSessionChanges } from '../catalog/queries/cloud-sessions';
import { getMediaStream } from '../catalog/queries/media-streams';
import { outboxKinds, type OutboxItem, type OutboxKind } from '../catalog/queries/outbox';
import { requireBackend, type BackendClients } from './backend-clients';
import { deliverFile } from './media-api/file-delivery';
import { createStreamDelivery } from './media-api/media-stream';
import { Undeliverable, type Deliver } from './outbox/delivery';
import { recorderFor, type Recorders } from './recorders/cloud-recorder';

export interface DeliveryDeps {
  db: Database;
  clients: BackendClients;
  recorders: Recorders;
  media: Config['backends']['mediaApi'];
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
}

/** The item's session, of the backend its call is for. */
function requireSession<B extends CloudBackend>(db: Database, item: OutboxItem, backend: B): Extract<CloudSession, { backend: B }> {
  const session = getCloudSession(db, item.sessionId);
  if (!session) throw new Undeliverable(`Cloud session ${item.sessionId} no longer exists.`);
  if (session.backend !== backend) throw new Undeliverable(`Cloud session ${item.sessionId} is not a ${backend} session.`);
  return session as Extract<CloudSession, { backend: B }>;
}

/** Each recorder's stop, made from the session its outbox item names. */
function recorderStops(deps: DeliveryDeps): Partial<Record<OutboxKind, Deliver>> {
  const stops: Partial<Record<OutboxKind, Deliver>> = {};
  for (const recorder of Object.values(deps.recorders)) {
    stops[recorder.stopKind] = (item) => {
      const session = requireSession(deps.db, item, recorder.backend);
      return recorderFor(deps.recorders, session).stop(session, item);
    };
  }
  return stops;
}

/**
 * The Media Recording API upload: sessions fed while recording (one per segment) are streamed; the rest are
 * whole finalized files owed by earlier versions.
 */
function mediaUpload(deps: DeliveryDeps): Deliver {
  let streamDelivery: ReturnType<typeof createStreamDelivery> | undefined;
  return (item, signal) => {
    const client = requireBackend(deps.clients, 'media');
    const session = requireSession(deps.db, item, 'media');
    if (!getMediaStream(deps.db, session.id)) return deliverFile({ ...deps, client, settings: deps.media }, session, signal);
    streamDelivery ??= createStreamDelivery({ ...deps, client, settings: deps.media });
    return streamDelivery(session.id, signal);
  };
}

/**
 * How each outbox call is made. Each is safe to repeat: a repeated stop that the backend refuses because the
 * first one (whose answer we lost) worked is recognised by the recorder.
 */
export function createDeliveries(deps: DeliveryDeps): Record<OutboxKind, Deliver> {
  const deliveries: Partial<Record<OutboxKind, Deliver>> = { ...recorderStops(deps), 'media.upload': mediaUpload(deps) };
  const missing =
    (kind: OutboxKind): Deliver =>
    () =>
      Promise.reject(new Undeliverable(`No backend delivers ${kind} calls.`));
  return Object.fromEntries(outboxKinds.map((kind) => [kind, deliveries[kind] ?? missing(kind)])) as Record<OutboxKind, Deliver>;
}
