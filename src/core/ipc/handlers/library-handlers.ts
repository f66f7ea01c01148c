import type { Core } from '../../create-core';
import { listRecordings } from '../../services/catalog/queries/recordings';
import type { HandlerTable } from '../dispatcher';
import { requireDb } from './require';

export function libraryHandlers(core: Core): Pick<HandlerTable, 'listRecordings'> {
  return {
    listRecordings: (page = { limit: 100, offset: 0 }) => listRecordings(requireDb(core), page),
  };
}
