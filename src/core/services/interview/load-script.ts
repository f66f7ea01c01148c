import path from 'node:path';
import type { z } from 'zod';
import { DEMO_SCRIPT } from '../../../shared/interview/demo-script';
import { interviewScriptSchema, type InterviewScript } from '../../../shared/interview/script';

export type ActiveScript =
  | { ok: true; source: 'demo' | 'file'; file?: string; baseDir?: string; script: InterviewScript }
  | { ok: false; source: 'file'; file: string; error: string };

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

/** The script named on the command line, or the bundled practice interview when none is. */
export function loadActiveScript(file: string | undefined, readFile: (file: string) => string): ActiveScript {
  if (!file) return { ok: true, source: 'demo', script: interviewScriptSchema.parse(DEMO_SCRIPT) };
  try {
    return parseScript(readFile(file), file);
  } catch (error) {
    return { ok: false, source: 'file', file, error: `Interview script ${file} cannot be read: ${(error as Error).message}` };
  }
}
