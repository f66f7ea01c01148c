import type { Database } from 'better-sqlite3';
import type { CatalogIncidentReport } from '../../../../shared/domain/doctor';
import { insertEvent } from './events';

/** What happened to the previous catalog, kept as an event in the new one until someone has seen it. */
export type CatalogIncident = CatalogIncidentReport;

const INCIDENT = 'catalog.reindexed';
const ACKNOWLEDGED = 'catalog.incident-acknowledged';

export function recordCatalogIncident(db: Database, incident: CatalogIncident): void {
  insertEvent(db, { at: incident.detectedAt, kind: INCIDENT, data: incident });
}

/** The latest incident nobody has acknowledged yet, if any. */
export function pendingCatalogIncident(db: Database): CatalogIncident | undefined {
  const row = db
    .prepare(
      `SELECT data FROM events e WHERE kind = ? AND recording_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM events a WHERE a.kind = ? AND a.id > e.id)
        ORDER BY id DESC LIMIT 1`,
    )
    .get(INCIDENT, ACKNOWLEDGED) as { data: string } | undefined;
  return row && (JSON.parse(row.data) as CatalogIncident);
}

/** Marks every incident so far as seen; returns whether there was one. */
export function acknowledgeCatalogIncident(db: Database, at: string): boolean {
  if (!pendingCatalogIncident(db)) return false;
  insertEvent(db, { at, kind: ACKNOWLEDGED });
  return true;
}
