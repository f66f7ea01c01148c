import { LATEST_SCHEMA_VERSION } from './migrations';
import { openCatalog, type Catalog, type OpenCatalogOptions } from './open-catalog';

/** The catalog, or why it could not be opened: the app keeps running and says so instead of crashing. */
export type CatalogState = { ok: true; catalog: Catalog } | { ok: false; path: string; latestSchemaVersion: number; error: string };

export function tryOpenCatalog(file: string, options: OpenCatalogOptions = {}): CatalogState {
  try {
    return { ok: true, catalog: openCatalog(file, options) };
  } catch (error) {
    return { ok: false, path: file, latestSchemaVersion: LATEST_SCHEMA_VERSION, error: (error as Error).message };
  }
}
