import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { redactWith, type Redact } from '../../../shared/redact';
import { AppError } from '../../errors/app-error';
import { ensurePrivateFileSync, makePrivateDirSync } from '../../platform/private-fs';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { SUPPORTED_NODE_MAJOR } from '../../../shared/node-support';

export interface CatalogStatus {
  path: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  integrity: string;
  /** Set when a damaged catalog was moved aside and a fresh one created. */
  movedAsideTo?: string;
  /** Set when this open found the catalog damaged, empty or missing while recordings exist: they need re-indexing. */
  lost?: { reason: 'corrupt' | 'empty' | 'missing'; detail: string };
}

export interface Catalog {
  db: Database.Database;
  status: CatalogStatus;
}

export interface OpenCatalogOptions {
  /** better-sqlite3's `.node` file for this runtime (Electron's ABI); default build otherwise. */
  nativeBinding?: string;
  now?: () => Date;
  /** Whether recordings exist on disk: then a missing or zero-length catalog was lost, not new. */
  recordingsExist?: () => boolean;
  /** The process's redaction (its known secrets); patterns only when absent. */
  redact?: Redact;
}

/** The catalog was written by a newer app. It is left untouched: downgrading must never lose data. */
export class CatalogTooNewError extends AppError {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      'UNAVAILABLE',
      `The catalog ${file} was written by a newer Interview Recorder (schema ${found}; this version understands up to ${supported}). ` +
        'Install the newer version again, or set IREC_DATA_DIR to another folder. The file was not changed.',
      { details: { found, supported } },
    );
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

/**
 * `redact(text)` in SQL: the columns that hold a server's words (error, last_error, status_text) are written
 * through it, so an echoed key or token never reaches the file, its WAL or a backup of it.
 */
function registerRedact(db: Database.Database, redact: Redact): void {
  db.function('redact', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? redact(text) : text));
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

/** A catalog file that is not there, or zero bytes long (and has no WAL holding its pages). */
function absentOrEmpty(file: string): 'missing' | 'empty' | null {
  const size = (suffix: string) => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : null);
  const main = size('');
  if (main === null) return 'missing';
  return main === 0 && !size('-wal') ? 'empty' : null;
}

/** better-sqlite3 needs Node-API 10 (Node 22.14 and later, the app's own Node, Electron): older Nodes crash loading it. */
const NODE_API_NEEDED = 10;

function refuseOldNodeApi(): void {
  const available = Number(process.versions.napi ?? 0);
  if (available >= NODE_API_NEEDED) return;
  throw new Error(
    `The catalog cannot be opened under Node ${process.versions.node}: its SQLite library needs Node-API ${NODE_API_NEEDED}, this Node has ${available}. ` +
      `Run irec with Node ${SUPPORTED_NODE_MAJOR} (npm run irec does), or as \`<app> --cli\` in an installed app.`,
  );
}

/**
 * Opens (creating if needed) the catalog: WAL, synchronous=FULL, foreign keys; refuses a newer schema;
 * runs integrity_check and, if it fails, moves the file aside and starts a fresh catalog (the recordings on
 * disk are untouched and can be re-indexed from it). A missing or zero-length catalog while recordings exist
 * is a lost one too (a zero-length file is moved aside as well, for support), not a new installation.
 */
export function openCatalog(file: string, options: OpenCatalogOptions = {}): Catalog {
  refuseOldNodeApi();
  const now = options.now ?? (() => new Date());
  makePrivateDirSync(path.dirname(file));
  // SQLite creates the -wal and -shm files with the database file's mode, so a user-only file keeps all three private.
  const open = () => {
    ensurePrivateFileSync(file);
    return new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  };

  const absent = absentOrEmpty(file);
  let lost: CatalogStatus['lost'];
  let movedAsideTo: string | undefined;
  if (absent && options.recordingsExist?.()) {
    lost = { reason: absent, detail: absent === 'empty' ? 'the catalog file was empty (0 bytes)' : 'the catalog file was missing' };
    if (absent === 'empty') movedAsideTo = moveAside(file, now());
  }
  let db = open();
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
    lost = { reason: 'corrupt', detail: integrity };
    db = open();
  }
  applyPragmas(db);
  registerRedact(db, options.redact ?? redactWith([]));
  migrate(db, migrations);
  return {
    db,
    status: {
      path: file,
      schemaVersion: schemaVersion(db),
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      integrity: lost ? `${lost.reason === 'corrupt' ? `damaged (${lost.detail})` : lost.detail}; fresh catalog created` : integrity,
      ...(movedAsideTo ? { movedAsideTo } : {}),
      ...(lost ? { lost } : {}),
    },
  };
}
