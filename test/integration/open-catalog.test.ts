import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertContiguous, migrate, schemaVersion } from '../../src/core/services/catalog/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../src/core/services/catalog/migrations';
import { CatalogTooNewError, openCatalog } from '../../src/core/services/catalog/open-catalog';
import { insertEvent, listEvents } from '../../src/core/services/catalog/queries/events';
import { listRecordings } from '../../src/core/services/catalog/queries/recordings';
import { seedRecording } from '../support/fixtures';
import { tempDir } from '../support/temp-dir';

const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('catalog file', () => {
  it('is created with WAL, synchronous=FULL and foreign keys, at the latest schema', () => {
    const file = path.join(tempDir(), 'nested', 'catalog.sqlite');
    const { db, status } = openCatalog(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(status).toMatchObject({ path: file, schemaVersion: LATEST_SCHEMA_VERSION, integrity: 'ok' });
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('keeps rows across close and reopen, and lists recordings with their sizes', () => {
    const file = path.join(tempDir(), 'catalog.sqlite');
    const first = openCatalog(file);
    seedRecording(first.db, 'rec-1', { chunks: 4, chunkBytes: 250_000, startedAt: '2026-11-20T10:00:00.000Z' });
    seedRecording(first.db, 'rec-2', { chunks: 1, startedAt: '2026-11-21T09:00:00.000Z' });
    first.db.close();

    const { db } = openCatalog(file);
    const rows = listRecordings(db, { limit: 10, offset: 0 });
    expect(rows.map((r) => r.id)).toEqual(['rec-2', 'rec-1']);
    expect(rows[1]).toMatchObject({ sizeBytes: 1_000_000, chunkCount: 4, state: 'stopped', candidateName: 'Ada Lovelace' });
    expect(listRecordings(db, { limit: 1, offset: 1 }).map((r) => r.id)).toEqual(['rec-1']);
    db.close();
  });

  it('enforces foreign keys and value checks', () => {
    const { db } = openCatalog(path.join(tempDir(), 'catalog.sqlite'));
    expect(() =>
      db.prepare("INSERT INTO recordings (id, interview_id, state, started_at) VALUES ('r', 'missing', 'recording', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
    seedRecording(db, 'r1');
    expect(() => db.prepare("UPDATE recordings SET state = 'exploded' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    expect(() => insertEvent(db, { recordingId: 'nope', at: 'now', kind: 'blur' })).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('stores events with JSON data in time order', () => {
    const { db } = openCatalog(path.join(tempDir(), 'catalog.sqlite'));
    seedRecording(db, 'r1');
    insertEvent(db, { recordingId: 'r1', at: '2026-11-21T10:00:02Z', kind: 'window.blur' });
    insertEvent(db, { recordingId: 'r1', at: '2026-11-21T10:00:01Z', kind: 'question.start', data: { index: 0 } });
    expect(listEvents(db, 'r1')).toEqual([
      { at: '2026-11-21T10:00:01Z', kind: 'question.start', data: { index: 0 } },
      { at: '2026-11-21T10:00:02Z', kind: 'window.blur', data: null },
    ]);
    db.close();
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gaps', () => {
    expect(() => assertContiguous(migrations)).not.toThrow();
    expect(() => assertContiguous([{ ...migrations[0]!, version: 2 }])).toThrow(/expected 1/);
  });

  it('from an empty file reach the latest version, and running again changes nothing', () => {
    const db = new Database(path.join(tempDir(), 'c.sqlite'));
    expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db, migrations)).toEqual([]);
    db.close();
  });

  it.each(migrations.map((m) => m.version - 1))('from version %i reach the same schema as a fresh catalog, keeping data', (from) => {
    const dir = tempDir();
    const fresh = new Database(path.join(dir, 'fresh.sqlite'));
    migrate(fresh, migrations);
    const old = new Database(path.join(dir, 'old.sqlite'));
    migrate(old, migrations.slice(0, from));
    // Data written the way version 1 wrote it: only its own columns.
    if (from >= 1) {
      old.exec(`INSERT INTO interviews (id, title, created_at) VALUES ('i1', 'Old interview', '2026-01-01T00:00:00Z');
                INSERT INTO recordings (id, interview_id, state, started_at) VALUES ('kept', 'i1', 'stopped', '2026-01-01T00:00:00Z');`);
    }
    migrate(old, migrations);
    expect(schemaVersion(old)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaOf(old)).toEqual(schemaOf(fresh));
    if (from >= 1) expect(listRecordings(old, { limit: 5, offset: 0 }).map((r) => r.id)).toEqual(['kept']);
    old.close();
    fresh.close();
  });

  it('roll back a failing step entirely', () => {
    const db = new Database(path.join(tempDir(), 'c.sqlite'));
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT no_such_function();'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_function/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });
});

describe('opening a catalog it must not or cannot use', () => {
  it('refuses a catalog from a newer app with a clear error and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'catalog.sqlite');
    const future = new Database(file);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    future.exec('CREATE TABLE from_the_future (x)');
    future.close();
    const before = fs.readFileSync(file);

    let error: unknown;
    try {
      openCatalog(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogTooNewError);
    expect((error as Error).message).toMatch(
      new RegExp(`schema ${LATEST_SCHEMA_VERSION + 3}.*up to ${LATEST_SCHEMA_VERSION}.*IREC_DATA_DIR`),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('moves a damaged catalog aside, keeps it, and starts a fresh one', () => {
    const dir = tempDir();
    const file = path.join(dir, 'catalog.sqlite');
    const { db } = openCatalog(file);
    for (let i = 0; i < 40; i++) seedRecording(db, `r${i}`, { chunks: 50 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite the middle pages with garbage, as a failing disk would.
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 8192, bytes.length - 8192);
    fs.writeFileSync(file, bytes);

    const reopened = openCatalog(file, { now: () => new Date('2026-11-21T12:00:00Z') });
    expect(reopened.status.integrity).toMatch(/^damaged/);
    expect(reopened.status.movedAsideTo).toBe(path.join(dir, 'catalog.damaged-2026-11-21T12-00-00-000Z.sqlite'));
    expect(fs.readFileSync(reopened.status.movedAsideTo!).equals(bytes)).toBe(true);
    expect(listRecordings(reopened.db, { limit: 5, offset: 0 })).toEqual([]);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.db.close();
  });

  it('treats a file that is not SQLite at all as damaged', () => {
    const file = path.join(tempDir(), 'catalog.sqlite');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list'.repeat(100));
    const { db, status } = openCatalog(file);
    expect(status.movedAsideTo).toBeDefined();
    expect(fs.readFileSync(status.movedAsideTo!, 'utf8')).toContain('shopping list');
    db.close();
  });
});
