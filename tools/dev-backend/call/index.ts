// The development call server: a small selective forwarding unit (werift) with plain WebSocket signalling on the
// development backend's HTTP server, and the token route that lets participants in. Loopback development only.
import type http from 'node:http';
import type { Faults } from '../faults';
import type { Backend } from '../types';
import { Rooms } from './rooms';
import { attachCallSignalling } from './signalling';
import { callBackend } from './token-route';
import { loadCallSecret } from './tokens';

export interface CallServer {
  /** The `/call` routes (token minting) for the backend's router. */
  routes: Backend;
  /** Starts answering WebSocket upgrades on `server`. */
  attach(server: http.Server): void;
  /** Cuts every participant's socket and media; the HTTP server is the caller's to close. */
  close(): Promise<void>;
}

export function createCallServer(dataDir: string, faults: Faults): CallServer {
  const secret = loadCallSecret(dataDir);
  let signalling: ReturnType<typeof attachCallSignalling> | undefined;
  return {
    routes: callBackend(secret, faults),
    attach(server) {
      signalling = attachCallSignalling(server, new Rooms(), secret);
    },
    close: async () => signalling?.close(),
  };
}
