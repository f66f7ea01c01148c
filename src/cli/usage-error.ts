/** Wrong words on the command line: exit code 2 and a hint, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
