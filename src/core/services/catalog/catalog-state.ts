import { recordingFolders, reindexRecordings } from '../recovery/reindex-recordings';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openCatalog, type Catalog, type OpenCatalogOptions } from './open-catalog';
import { recordCatalogIncident } from './queries/catalog-incidents';

/** The catalog, or why it could not be opened: the app keeps running and says so instead of crashing. */
export type CatalogState = { ok: true; catalog: Catalog } | { ok: false; path: string; latestSchemaVersion: number; error: string };

export interface CatalogStateOptions extends Omit<OpenCatalogOptions, 'recordingsExist'> {
  /** `<dataDir>/recordings`: re-indexed into a fresh catalog when the old one was damaged or lost. */
  recordingsDir?: string;
}

/** A re-index that fails as a whole still leaves a usable catalog, with the reason in the incident. */
function reindexOrSay(catalog: Catalog, recordingsDir: string, now: Date) {
  try {
    return reindexRecordings(catalog.db, recordingsDir, now);
  } catch (error) {
    return { reindexed: [], skipped: [{ folder: recordingsDir, reason: (error as Error).message }] };
  }
}

/**
 * Opens the catalog; when it had to start afresh (damaged, empty, or missing while recordings exist), rebuilds the
 * recordings from their folders before anything else uses it, and records the incident in the new catalog so
 * that doctor and the app say so until someone has seen it.
 */
export function tryOpenCatalog(file: string, options: CatalogStateOptions = {}): CatalogState {
  const { recordingsDir, ...openOptions } = options;
  try {
    const catalog = openCatalog(file, {
      ...openOptions,
      ...(recordingsDir ? { recordingsExist: () => recordingFolders(recordingsDir).length > 0 } : {}),
    });
    const { lost, movedAsideTo } = catalog.status;
    if (lost && recordingsDir) {
      const now = (options.now ?? (() => new Date()))();
      const result = reindexOrSay(catalog, recordingsDir, now);
      recordCatalogIncident(catalog.db, {
        ...lost,
        movedAsideTo: movedAsideTo ?? null,
        detectedAt: now.toISOString(),
        reindexed: result.reindexed,
        skipped: result.skipped,
      });
    }
    return { ok: true, catalog };
  } catch (error) {
    return { ok: false, path: file, latestSchemaVersion: LATEST_SCHEMA_VERSION, error: (error as Error).message };
  }
}
