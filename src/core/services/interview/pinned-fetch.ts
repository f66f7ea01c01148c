import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

export interface PinnedAddress {
  address: string;
  family: number;
}

const NO_BODY = new Set([204, 205, 304]);

/**
 * One GET that connects to the address already checked, not to whatever DNS answers a moment later (so a host
 * cannot pass the check with a public address and then rebind to a private one). TLS still verifies the host name.
 * Answers a web Response, redirects not followed.
 */
export function pinnedFetch(url: URL, pinned: PinnedAddress | undefined, signal: AbortSignal): Promise<Response> {
  const lookup: LookupFunction | undefined =
    pinned &&
    ((_hostname, options, callback) => {
      if (options.all) callback(null, [pinned]);
      else callback(null, pinned.address, pinned.family);
    });
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method: 'GET', signal, lookup, headers: { accept: 'audio/*' } }, (response) => {
      const status = response.statusCode ?? 0;
      const headers = new Headers();
      for (const [name, value] of Object.entries(response.headers)) for (const one of [value ?? []].flat()) headers.append(name, one);
      if (NO_BODY.has(status)) response.resume();
      const body = NO_BODY.has(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status, headers }));
    });
    request.on('error', reject);
    request.end();
  });
}
