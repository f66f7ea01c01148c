import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

export function libraryHandlers(core: Core): Pick<HandlerTable, 'listRecordings'> {
  return {
    listRecordings: (page = { limit: 100, offset: 0 }) => core.library.list(page),
  };
}
