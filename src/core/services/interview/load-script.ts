import path from 'node:path';
import type { z } from 'zod';
import { DEMO_SCRIPT } from '../../../shared/interview/demo-script';
import { interviewScriptSchema, type InterviewScript } from '../../../shared/interview/script';

export type ActiveScript =
  | { ok: true; source: 'demo' | 'file' | 'link'; file?: string; baseDir?: string; script: InterviewScript }
  | { ok: false; source: 'file' | 'link'; file: string; error: string };

/** "questions.2.answerSeconds: expected number, received string" — one line per problem, field first. */
export function describeScriptIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message.replace(/^Invalid input: /, '')}`)
    .join('; ');
}

/** Parses a script's text; the error names the file and each offending field. */
export function parseScript(text: string, file: string): ActiveScript {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, source: 'file', file, error: `Interview script ${file} is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = interviewScriptSchema.safeParse(json);
  if (!parsed.success) return { ok: false, source: 'file', file, error: `Interview script ${file}: ${describeScriptIssues(parsed.error)}` };
  return { ok: true, source: 'file', file, baseDir: path.dirname(path.resolve(file)), script: parsed.data };
}

const EXTRA_TIME_FACTORS = [1, 1.5, 2] as const;

/** `--extra-time` as the invite gives it: 1, 1.5 or 2; an error sentence for anything else. */
export function parseExtraTime(value: string): { ok: true; factor: InterviewScript['extraTime'] } | { ok: false; error: string } {
  const factor = EXTRA_TIME_FACTORS.find((f) => String(f) === value.trim());
  if (factor !== undefined) return { ok: true, factor };
  return { ok: false, error: `--extra-time must be 1, 1.5 or 2 (the time limits are multiplied by it), not "${value}"` };
}

function readScript(file: string | undefined, readFile: (file: string) => string): ActiveScript {
  if (!file) return { ok: true, source: 'demo', script: interviewScriptSchema.parse(DEMO_SCRIPT) };
  try {
    return parseScript(readFile(file), file);
  } catch (error) {
    return { ok: false, source: 'file', file, error: `Interview script ${file} cannot be read: ${(error as Error).message}` };
  }
}

/**
 * The script named on the command line, or the bundled practice interview when none is. `extraTime` (from the
 * invite's `--extra-time`) overrides the script's own accommodation.
 */
export function loadActiveScript(file: string | undefined, readFile: (file: string) => string, extraTime?: string): ActiveScript {
  const loaded = readScript(file, readFile);
  if (!loaded.ok || extraTime === undefined) return loaded;
  const parsed = parseExtraTime(extraTime);
  if (!parsed.ok) return { ok: false, source: 'file', file: file ?? '(practice interview)', error: parsed.error };
  return { ...loaded, script: { ...loaded.script, extraTime: parsed.factor } };
}
