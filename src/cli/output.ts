export { formatBytes } from '../shared/format';

/** Where a command's results go: JSON for machines, lines for people. Errors always reach stderr. */
export interface Output {
  json: boolean;
  result(value: unknown, human: () => string): void;
  error(message: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result: (value, human) => process.stdout.write(`${json ? JSON.stringify(value, null, 2) : human()}\n`),
    error: (message) => process.stderr.write(`${message}\n`),
  };
}

export const mark = (ok: boolean) => (ok ? '✓' : '✗');
