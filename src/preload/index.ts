import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApiClient } from '../shared/ipc/client';
import { ipcChannel, IPC_EVENT_CHANNEL } from '../shared/ipc/contract';
import type { IpcResult } from '../shared/ipc/errors';

// Sandboxed preload: exposes only the named functions derived from the contract, never ipcRenderer itself.
const api = createApiClient({
  invoke: (channel, request) => ipcRenderer.invoke(ipcChannel(channel), request) as Promise<IpcResult<unknown>>,
  subscribe: (listener) => {
    const onEvent = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
  },
});

contextBridge.exposeInMainWorld('api', api);
