/** What a recording's object key is made of. */
export interface KeyFields {
  prefix: string;
  /** When the recording started; the key uses its UTC date. */
  startedAt: string;
  interviewId: string;
  recordingId: string;
  ext: string;
}

/** Characters safe in any S3 key and any file system; everything else becomes "_". */
const safe = (value: string) => value.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || '_';

/** Fills `{prefix}{date}/{interview}-{recording}.{ext}`-style templates. Unknown placeholders are an error. */
export function renderObjectKey(template: string, fields: KeyFields): string {
  const values: Record<string, string> = {
    prefix: fields.prefix,
    date: fields.startedAt.slice(0, 10),
    interview: safe(fields.interviewId),
    recording: safe(fields.recordingId),
    ext: safe(fields.ext),
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`s3.keyTemplate has an unknown placeholder {${name}}; use {prefix}, {date}, {interview}, {recording} or {ext}.`);
    return value;
  });
}

const withoutExtension = (key: string) => key.replace(/\.[^./]*$/, '');

/** One piece of a segment's recorded stream, beside the finalized file: `….stream-0-3.webm` (segment 0, piece 3). */
export const streamKey = (finalKey: string, segmentSeq: number, piece: number, ext: string) =>
  `${withoutExtension(finalKey)}.stream-${segmentSeq}-${piece}.${ext}`;

/** The recording's manifest, beside the finalized file: `….json`. */
export const manifestKey = (finalKey: string) => `${withoutExtension(finalKey)}.json`;
