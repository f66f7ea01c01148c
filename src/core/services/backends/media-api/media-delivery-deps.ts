import type { Database } from 'better-sqlite3';
import type { Config } from '../../../../shared/config/schema';
import type { CloudSessionChanges } from '../../catalog/queries/cloud-sessions';
import type { MediaClient } from './media-client';

/** What both Media API deliveries (the live stream and a whole finalized file) work with. */
export interface MediaDeliveryDeps {
  db: Database;
  client: MediaClient;
  settings: Config['backends']['mediaApi'];
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
}
