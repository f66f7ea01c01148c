import type { Database } from 'better-sqlite3';

/** One schema step. Applied inside a transaction together with the `user_version` bump. */
export interface Migration {
  version: number;
  name: string;
  /** Rebuilds a table others refer to: foreign keys are off while it runs, and checked before it commits. */
  withoutForeignKeys?: boolean;
  up(db: Database): void;
}
