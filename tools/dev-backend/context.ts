// What every backend module works with: the persisted state, the bucket, the sample media, the fault switches and
// the tracker for work that outlives a request. Plus the small helpers for the formats the contracts use.
import { randomBytes } from 'node:crypto';
import type { Background } from './background';
import type { Faults } from './faults';
import type { ObjectStore } from './object-store';
import type { SampleMedia } from './sample-media';
import type { StateStore } from './state-store';

export interface DevContext {
  dataDir: string;
  store: StateStore;
  objects: ObjectStore;
  samples: SampleMedia;
  faults: Faults;
  background: Background;
  livekitTokens: string[];
  mediaSites: string[];
  livekitProcessingMs: number;
  mediaProcessingMs: number;
  rateWindowMs: number;
}

export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** A MongoDB-looking ObjectId: 4 bytes of seconds, then 8 random bytes, as 24 hex digits. */
export const objectId = (): string =>
  Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0') + hex(8);

export const isoNow = (): string => new Date().toISOString();

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isCount = (value: unknown, min = 0): value is number => typeof value === 'number' && Number.isInteger(value) && value >= min;

/** Present in a JSON body: neither absent nor null. */
export const given = (value: unknown): boolean => value !== undefined && value !== null;
