import { initial } from './0001-initial';
import type { Migration } from './types';

/** Every migration in order. Append only: a released migration is never edited or reordered. */
export const migrations: readonly Migration[] = [initial];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
