import { packFrame } from '../shared/ipc/binary-frame';
import { decodeBinary } from '../shared/ipc/binary-json';
import { createApiClient } from '../shared/ipc/client';
import type { IpcResult } from '../shared/ipc/errors';
import { HOST_PROTOCOL } from './host-protocol';

// The browser host's stand-in for the preload: the same `window.api`, carried over fetch and SSE to the
// loopback server, which dispatches to the same handler table as Electron's IPC. Calls and the event stream are
// authorised by the session cookie (HttpOnly, so not even this script can read it), set when the launch link opened.

// One event stream for all subscribers: browsers allow six HTTP/1.1 connections per host, and a stream per
// subscription would use them up and leave calls waiting.
type Listener = (event: string, payload: unknown) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;
function openEventStream(): EventSource {
  const stream = new EventSource(HOST_PROTOCOL.eventsPath);
  stream.addEventListener('message', (message: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
    for (const listener of listeners) listener(event, payload);
  });
  return stream;
}

/** Calls made while the page goes away; small, as keepalive requests must be (64 KiB in all). */
const KEEPALIVE_CHANNELS = new Set<string>(['suspendRecording']);

const api = createApiClient({
  async invoke(channel, request) {
    const response = await fetch(`${HOST_PROTOCOL.ipcPath}/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': HOST_PROTOCOL.frameType },
      body: new Blob(packFrame({ payload: request }) as BlobPart[]),
      // Sent as the page unloads (reload, close): keepalive lets the request outlive the page.
      keepalive: KEEPALIVE_CHANNELS.has(channel),
    });
    if (response.headers.get('content-type')?.startsWith('application/json')) {
      return decodeBinary(await response.json()) as IpcResult<unknown>;
    }
    return { ok: false, error: { code: 'UNAVAILABLE', message: `The browser host answered ${response.status}.` } };
  },
  subscribe(listener) {
    listeners.add(listener);
    source ??= openEventStream();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        source?.close();
        source = null;
      }
    };
  },
});

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
