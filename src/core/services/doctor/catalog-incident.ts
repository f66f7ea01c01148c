import type { CatalogIncidentReport } from '../../../shared/domain/doctor';
import type { CatalogState } from '../catalog/catalog-state';
import { acknowledgeCatalogIncident, pendingCatalogIncident } from '../catalog/queries/catalog-incidents';

/** The damaged-catalog incident nobody has acknowledged yet. */
export const pendingIncident = (catalog: CatalogState): CatalogIncidentReport | undefined =>
  catalog.ok ? pendingCatalogIncident(catalog.catalog.db) : undefined;

/** `irec doctor --ack` and the app's "Dismiss": the user has seen the notice. Returns whether there was one. */
export const acknowledgeIncident = (catalog: CatalogState, now = new Date()): boolean =>
  catalog.ok && acknowledgeCatalogIncident(catalog.catalog.db, now.toISOString());

/** One sentence for doctor's problems and the app's notice. */
export function describeIncident(incident: CatalogIncidentReport): string {
  const what = {
    corrupt: `The recordings catalog was damaged (${incident.detail})`,
    empty: 'The recordings catalog was found empty (0 bytes)',
    missing: 'The recordings catalog was missing',
  }[incident.reason];
  const kept = incident.movedAsideTo ? `; it was moved aside to ${incident.movedAsideTo}` : '';
  const count = incident.reindexed.length;
  const skipped = incident.skipped.length
    ? ` ${incident.skipped.length} folder(s) could not be fully re-indexed: ${incident.skipped.map((s) => `${s.folder} (${s.reason})`).join('; ')}.`
    : '';
  return (
    `${what} on ${incident.detectedAt}${kept}. ${count} recording(s) were re-indexed from the files on disk and will be finalized and uploaded as usual.` +
    `${skipped} Check them with \`irec recordings list\`, then run \`irec doctor --ack\` (or dismiss the notice in the app).`
  );
}
