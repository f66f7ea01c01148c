import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/types';

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/** Versions must run 1, 2, 3…: a gap or a duplicate is a programming error caught by the tests. */
export function assertContiguous(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}.`);
    }
  });
}

function assertForeignKeysHold(db: Database, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`Migration "${migration.name}" left ${broken.length} broken foreign key(s).`);
}

/** Applies every migration newer than the database, each in its own transaction with its version bump. */
export function migrate(db: Database, list: readonly Migration[]): number[] {
  assertContiguous(list);
  const applied: number[] = [];
  for (const migration of list) {
    if (migration.version <= schemaVersion(db)) continue;
    // `foreign_keys` cannot change inside a transaction; with it on, dropping a rebuilt table would cascade.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.withoutForeignKeys) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.withoutForeignKeys) assertForeignKeysHold(db, migration);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.withoutForeignKeys) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    applied.push(migration.version);
  }
  return applied;
}
