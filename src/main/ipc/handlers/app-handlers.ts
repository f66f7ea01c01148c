import { PRODUCT_NAME } from '../../../shared/product';
import type { Core } from '../../core';
import type { HandlerTable } from '../dispatcher';

export function appHandlers(core: Core): Pick<HandlerTable, 'getAppInfo' | 'runDoctor'> {
  return {
    getAppInfo: () => ({
      name: PRODUCT_NAME,
      version: core.version,
      runtime: core.runtime === 'electron' ? 'electron' : 'browser-host',
      platform: process.platform,
      dataDir: core.dataDir,
      configProblems: core.config.problems,
    }),
    runDoctor: () => core.doctor(),
  };
}
