import type { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { describeScriptIssues } from '../interview/load-script';

/**
 * Input validated by the service itself, whoever calls it (IPC has parsed it already; the CLI and tests have not):
 * a problem is INVALID_PAYLOAD naming each field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_PAYLOAD', `${what}: ${describeScriptIssues(parsed.error)}`);
  return parsed.data;
}
