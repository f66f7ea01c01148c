import { IpcError } from '../../../shared/ipc/errors';
import type { Core } from '../../core';
import { listRecordings } from '../../services/catalog/queries/recordings';
import type { HandlerTable } from '../dispatcher';

export function recordingHandlers(core: Core): Pick<HandlerTable, 'listRecordings'> {
  return {
    listRecordings: (page = { limit: 100, offset: 0 }) => {
      if (!core.catalog.ok) throw new IpcError({ code: 'UNAVAILABLE', message: core.catalog.error });
      return listRecordings(core.catalog.catalog.db, page);
    },
  };
}
