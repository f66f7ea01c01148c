import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

/** The renderer's log lines land in the same redacted log file, scoped "renderer". */
export function logHandlers(core: Core): Pick<HandlerTable, 'writeLog'> {
  const logger = core.logger.child('renderer');
  return {
    writeLog: ({ level, message, context }) => {
      logger.log(level, message, context);
      return null;
    },
  };
}
