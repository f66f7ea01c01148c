import type { Api } from '../shared/ipc/client';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the bridge (browser host); typed from the contract. */
    readonly api: Api;
  }
}

export const api: Api = window.api;
