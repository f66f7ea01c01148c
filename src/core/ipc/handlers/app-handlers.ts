import { PRODUCT_NAME } from '../../../shared/product';
import type { Core } from '../../create-core';
import { acknowledgeIncident } from '../../services/doctor/catalog-incident';
import type { HandlerTable } from '../dispatcher';

export function appHandlers(core: Core): Pick<HandlerTable, 'getAppInfo' | 'runDoctor' | 'acknowledgeCatalogNotice'> {
  return {
    getAppInfo: () => ({
      name: PRODUCT_NAME,
      version: core.version,
      runtime: core.runtime === 'electron' ? 'electron' : 'browser-host',
      platform: process.platform,
      dataDir: core.dataDir,
      configProblems: core.config.problems,
      interviewer: core.config.config.interviewer,
    }),
    runDoctor: () => core.doctor(),
    acknowledgeCatalogNotice: () => {
      acknowledgeIncident(core.catalog);
      return core.doctor();
    },
  };
}
