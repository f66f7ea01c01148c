import type { SegmentFiles } from '../../src/core/services/recording/segment-files';
import { nodeSegmentFiles } from '../../src/core/services/recording/segment-files';

export interface InjectedFailure {
  /** The 1-based write that fails first. */
  from: number;
  /** errno code, as Node reports it (ENOSPC, EIO…). */
  code: string;
  /** Bytes of the failing write that reach the file before it fails (a torn write). */
  partial?: number;
  /** Whether every later write fails too (a full disk stays full), or only that one. */
  persistent?: boolean;
}

/** Real segment files whose writes fail as a real disk's would, from a chosen write on. */
export function failingSegmentFiles({ from, code, partial = 0, persistent = false }: InjectedFailure): SegmentFiles {
  let writes = 0;
  return {
    async create(file) {
      const real = await nodeSegmentFiles.create(file);
      return {
        ...real,
        async writeAt(bytes, position) {
          writes += 1;
          if (writes === from || (persistent && writes > from)) {
            if (partial) await real.writeAt(bytes.subarray(0, partial), position);
            throw Object.assign(new Error(`${code}: injected write failure`), { code });
          }
          return real.writeAt(bytes, position);
        },
      };
    },
  };
}
