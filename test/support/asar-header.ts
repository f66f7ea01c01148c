import fs from 'node:fs';

/** One entry of an asar archive's header: a folder (`files`) or a file, `unpacked` when it lives beside it. */
export interface AsarEntry {
  files?: Record<string, AsarEntry>;
  size?: number;
  /** Where the file's bytes start, counted from the end of the header (a string in the format). */
  offset?: string;
  unpacked?: boolean;
}

/**
 * The header of an asar archive, read by hand so the test needs no asar library: a pickle holding the header
 * size, then a pickle holding the header's JSON string (what Electron's ASAR integrity hash covers).
 */
export function readAsarHeader(archive: string): { json: string; root: AsarEntry; dataStart: number } {
  const fd = fs.openSync(archive, 'r');
  try {
    const sizePickle = Buffer.alloc(8);
    fs.readSync(fd, sizePickle, 0, 8, 0);
    const header = Buffer.alloc(sizePickle.readUInt32LE(4));
    fs.readSync(fd, header, 0, header.length, 8);
    const json = header.toString('utf8', 8, 8 + header.readUInt32LE(4));
    return { json, root: JSON.parse(json) as AsarEntry, dataStart: 8 + header.length };
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of a file packed inside the archive (not an unpacked one). */
export function readAsarFile(archive: string, relative: string): Buffer {
  const { root, dataStart } = readAsarHeader(archive);
  const entry = asarEntry(root, relative);
  if (entry?.offset === undefined || entry.size === undefined) throw new Error(`${relative} is not packed inside ${archive}`);
  const bytes = Buffer.alloc(entry.size);
  const fd = fs.openSync(archive, 'r');
  try {
    fs.readSync(fd, bytes, 0, entry.size, dataStart + Number(entry.offset));
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

/** The entry at `relative` (forward slashes) inside the archive, or undefined. */
export function asarEntry(root: AsarEntry, relative: string): AsarEntry | undefined {
  let entry: AsarEntry | undefined = root;
  for (const name of relative.split('/')) entry = entry?.files?.[name];
  return entry;
}
