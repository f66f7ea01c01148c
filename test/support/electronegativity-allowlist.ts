// The verdict on an Electronegativity scan: every HIGH or MEDIUM finding must be listed, with a reason, in
// security/electronegativity-allowlist.json. Pure, so the unit test can check the matching rules on their own.
import fs from 'node:fs';
import { z } from 'zod';

/** Severities that fail the build unless a reviewed allowlist entry covers them. */
export const BLOCKING_SEVERITIES: readonly string[] = ['HIGH', 'MEDIUM'];

export const findingSchema = z.object({
  id: z.string(),
  severity: z.string(),
  confidence: z.string(),
  /** Relative to the scanned folder with `/`; "N/A" for a global check about the whole app. */
  file: z.string(),
  line: z.number(),
  column: z.number(),
  /** The reported source line, trimmed. */
  sample: z.string().optional(),
  description: z.string(),
  manualReview: z.boolean(),
});
export type Finding = z.infer<typeof findingSchema>;

export const allowlistEntrySchema = z.strictObject({
  /** Electronegativity's check id, e.g. PRELOAD_JS_CHECK. */
  check: z.string().regex(/^[A-Z0-9_]+$/, 'expected a check id such as PRELOAD_JS_CHECK'),
  file: z.string().min(1),
  /** Text on the reported line: keeps the entry on its code when lines above it move. */
  snippet: z.string().min(1).optional(),
  /** Only when no snippet can tell the finding apart: an exact line breaks when code above it changes. */
  line: z.number().int().nonnegative().optional(),
  reason: z.string().refine((reason) => reason.trim().length >= 30, 'say in a sentence why this finding is not a problem here'),
});
export type AllowlistEntry = z.infer<typeof allowlistEntrySchema>;

const allowlistSchema = z.strictObject({ $comment: z.string().optional(), entries: z.array(allowlistEntrySchema) });

/** Reads and checks the allowlist; a malformed file is an error naming the file and the field. */
export function loadAllowlist(file: string): AllowlistEntry[] {
  const parsed = allowlistSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data.entries;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`${file} is not a valid Electronegativity allowlist: ${problems}`);
}

export function entryCovers(entry: AllowlistEntry, finding: Finding): boolean {
  return (
    entry.check === finding.id &&
    entry.file === finding.file &&
    (entry.snippet === undefined || (finding.sample ?? '').includes(entry.snippet)) &&
    (entry.line === undefined || entry.line === finding.line)
  );
}

export interface Verdict {
  /** HIGH or MEDIUM findings no entry covers: the build fails on these. */
  unlisted: Finding[];
  /** Entries that cover no finding any more: the code changed, so the entry goes (or is re-reviewed). */
  stale: AllowlistEntry[];
}

export function judgeFindings(findings: readonly Finding[], entries: readonly AllowlistEntry[]): Verdict {
  return {
    unlisted: findings.filter((f) => BLOCKING_SEVERITIES.includes(f.severity) && !entries.some((e) => entryCovers(e, f))),
    stale: entries.filter((e) => !findings.some((f) => entryCovers(e, f))),
  };
}

/** One line a person can act on: what, where, the code, and Electronegativity's own words. */
export function describeFinding(finding: Finding): string {
  const where = finding.file === 'N/A' ? 'the whole app' : `${finding.file}:${finding.line}`;
  const code = finding.sample ? ` \`${finding.sample}\`` : '';
  return `${finding.severity} ${finding.id} at ${where}${code}: ${finding.description}`;
}
