import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf } from '../../src/cli/exit-codes';
import { HELP } from '../../src/cli/help';
import { UsageError } from '../../src/cli/usage-error';
import { isAppError } from '../../src/core/errors/app-error';
import { errorCodes } from '../../src/shared/errors';

describe('irec exit codes', () => {
  it('gives every app error code an exit code that irec --help explains', () => {
    const documented = HELP.slice(HELP.indexOf('Exit codes:'))
      .split('\n')
      .slice(1)
      .map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(documented).toEqual(Object.values(EXIT));
    for (const code of errorCodes) expect(documented).toContain(exitCodeOf(code));
  });

  it('tells the kinds of trouble a script acts on apart', () => {
    expect(exitCodeOf('INVALID_PAYLOAD')).toBe(2);
    expect(exitCodeOf('NOT_FOUND')).toBe(3);
    expect(exitCodeOf('NOT_CONFIGURED')).toBe(4);
    expect(exitCodeOf('UNAVAILABLE')).toBe(4);
    expect(exitCodeOf('BACKEND_ERROR')).toBe(5);
    expect(exitCodeOf('MEDIA_ERROR')).toBe(6);
    expect(exitCodeOf('INTERNAL')).toBe(1);
  });

  it('makes wrong usage an app error with the usage exit code', () => {
    const error = new UsageError('merge needs a recording id');
    expect(isAppError(error, 'INVALID_PAYLOAD')).toBe(true);
    expect(exitCodeOf(error.code)).toBe(EXIT.usage);
  });
});
