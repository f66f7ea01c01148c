import { redactWith, type Redact } from '../shared/redact';

export { formatBytes } from '../shared/format';

/** Where a command's results go: JSON for machines, lines for people. Errors always reach stderr. */
export interface Output {
  json: boolean;
  result(value: unknown, human: () => string): void;
  error(message: string): void;
}

/**
 * Everything printed passes `redact` (the core's, with its known secrets, once there is one): a server's error
 * text may echo our key id or token, and a terminal's scrollback or a support ticket is outside this process.
 */
export function createOutput(json: boolean, redact: () => Redact = () => redactWith([])): Output {
  return {
    json,
    result: (value, human) => process.stdout.write(`${json ? JSON.stringify(redact()(value), null, 2) : redact()(human())}\n`),
    error: (message) => process.stderr.write(`${redact()(message)}\n`),
  };
}

export const mark = (ok: boolean) => (ok ? '✓' : '✗');
