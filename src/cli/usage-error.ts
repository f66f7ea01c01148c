import { AppError } from '../core/errors/app-error';

/** Wrong words on the command line: exit code 2 and a hint, never a stack trace. */
export class UsageError extends AppError {
  constructor(message: string) {
    super('INVALID_PAYLOAD', message);
  }
}
