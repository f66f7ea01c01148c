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

/** Applies every migration newer than the database, each in its own transaction with its version bump. */
export function migrate(db: Database, list: readonly Migration[]): number[] {
  assertContiguous(list);
  const applied: number[] = [];
  for (const migration of list) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
