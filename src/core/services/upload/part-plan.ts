/** S3's limits on multipart uploads. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;

export interface PlannedPart {
  partNumber: number;
  offset: number;
  size: number;
}

/** The part size for a file of known size: the configured one, grown when the file would need more than 10,000 parts. */
export function partSizeFor(fileSize: number, configured: number): number {
  const needed = Math.ceil(fileSize / MAX_PARTS);
  return Math.max(configured, MIN_PART_SIZE, Math.ceil(needed / MIN_PART_SIZE) * MIN_PART_SIZE);
}

/**
 * The parts that can be cut after the ones already planned. While the source grows only whole parts are cut
 * (every part but the last must be at least the part size); once it is complete the remainder becomes the last
 * part. An empty file still needs one part: S3 cannot complete an upload without any.
 */
export function nextParts(input: {
  plannedEnd: number;
  plannedCount: number;
  available: number;
  partSize: number;
  complete: boolean;
}): PlannedPart[] {
  const parts: PlannedPart[] = [];
  let offset = input.plannedEnd;
  let partNumber = input.plannedCount + 1;
  while (input.available - offset >= input.partSize) {
    parts.push({ partNumber: partNumber++, offset, size: input.partSize });
    offset += input.partSize;
  }
  if (input.complete && offset < input.available) parts.push({ partNumber, offset, size: input.available - offset });
  return parts;
}
