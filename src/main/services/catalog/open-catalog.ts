import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export interface CatalogStatus {
  path: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  integrity: string;
  /** Set when a damaged catalog was moved aside and a fresh one created. */
  movedAsideTo?: string;
}

export interface Catalog {
  db: Database.Database;
  status: CatalogStatus;
}

export interface OpenCatalogOptions {
  /** better-sqlite3's `.node` file for this runtime (Electron's ABI); default build otherwise. */
  nativeBinding?: string;
  now?: () => Date;
}

/** The catalog was written by a newer app. It is left untouched: downgrading must never lose data. */
export class CatalogTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The catalog ${file} was written by a newer Interview Recorder (schema ${found}; this version understands up to ${supported}). ` +
        'Install the newer version again, or set IREC_DATA_DIR to another folder. The file was not changed.',
    );
    this.name = 'CatalogTooNewError';
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);
const isCorruption = (error: unknown) => CORRUPTION_CODES.has((error as { code?: string }).code ?? '');

function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** 'ok', or SQLite's first complaints joined; a file that is not a database at all counts as damaged. */
function checkIntegrity(db: Database.Database): string {
  try {
    const rows = db.pragma('integrity_check(20)', { simple: false }) as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check).join('; ');
  } catch (error) {
    if (isCorruption(error)) return (error as Error).message;
    throw error;
  }
}

/** Moves the damaged file and its WAL/SHM companions aside (kept for support, never deleted). */
function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), `${path.basename(file, '.sqlite')}.damaged-${stamp}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (creating if needed) the catalog: WAL, synchronous=FULL, foreign keys; refuses a newer schema;
 * runs integrity_check and, if it fails, moves the file aside and starts a fresh catalog (the recordings on
 * disk are untouched and can be re-indexed from it).
 */
export function openCatalog(file: string, options: OpenCatalogOptions = {}): Catalog {
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const open = () => new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});

  let db = open();
  let movedAsideTo: string | undefined;
  let integrity: string;
  try {
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) throw new CatalogTooNewError(file, found, LATEST_SCHEMA_VERSION);
    integrity = checkIntegrity(db);
  } catch (error) {
    if (!isCorruption(error)) {
      db.close();
      throw error;
    }
    integrity = (error as Error).message;
  }
  if (integrity !== 'ok') {
    db.close();
    movedAsideTo = moveAside(file, now());
    db = open();
  }
  applyPragmas(db);
  migrate(db, migrations);
  return {
    db,
    status: {
      path: file,
      schemaVersion: schemaVersion(db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      integrity: movedAsideTo ? `damaged (${integrity}); moved aside, fresh catalog created` : integrity,
      ...(movedAsideTo ? { movedAsideTo } : {}),
    },
  };
}
