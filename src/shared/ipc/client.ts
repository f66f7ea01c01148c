import { channelNames, type ChannelName, type EventName, type EventPayload, type RequestOf, type ResponseOf } from './contract';
import { IpcError, type IpcResult } from './errors';

type ArgsOf<K extends ChannelName> = undefined extends RequestOf<K> ? [request?: RequestOf<K>] : [request: RequestOf<K>];

/** `window.api`: derived from the contract, never written by hand. */
export type Api = { [K in ChannelName]: (...args: ArgsOf<K>) => Promise<ResponseOf<K>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** How a transport delivers one call and its result envelope (Electron IPC, the browser host bridge…). */
export interface ApiTransport {
  invoke(channel: ChannelName, request: unknown): Promise<IpcResult<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

/** Builds the named functions of `window.api` over any transport; rejects with `IpcError`. */
export function createApiClient(transport: ApiTransport): Api {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    api[name] = async (request?: unknown) => {
      const result = await transport.invoke(name, request);
      if (!result.ok) throw new IpcError(result.error);
      return result.value;
    };
  }
  api.on = (event: string, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  return Object.freeze(api) as Api;
}
