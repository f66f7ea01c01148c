// The HTTP side: picks the backend by path prefix and its route, applies the transport faults (reset, delay)
// every backend shares, answers the /__dev control API and logs every other request with what was answered.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Faults, parseFault } from './faults';
import { parseBody } from './http-body';
import type { Backend, DevReply, DevRequest, LoggedRequest } from './types';

/** The log is for tests and people; an all-day demo must not grow it without bound. */
const MAX_LOGGED = 10_000;

export interface DevServer {
  server: http.Server;
  requests(): LoggedRequest[];
  clearRequests(): void;
}

const flatHeaders = (headers: http.IncomingHttpHeaders | http.OutgoingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]),
  );

function send(res: ServerResponse, reply: DevReply): void {
  // setHeader, not writeHead(status, headers): only the former shows in getHeaders() for the request log.
  res.setHeader('content-type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.writeHead(reply.status);
  res.end(JSON.stringify(reply.body));
}

function match(backends: Backend[], method: string, pathname: string) {
  const backend = backends.find((b) => pathname === b.prefix || pathname.startsWith(`${b.prefix}/`));
  if (!backend) return null;
  const sub = pathname.slice(backend.prefix.length) || '/';
  for (const route of backend.routes) {
    const found = route.method === method ? route.pattern.exec(sub) : null;
    if (found) return { backend, route, sub, params: found.slice(1).map((p) => decodeURIComponent(p ?? '')) };
  }
  return { backend, route: null, sub, params: [] };
}

export function createDevServer(backends: Backend[], faults: Faults): DevServer {
  let log: LoggedRequest[] = [];

  async function control(req: IncomingMessage, pathname: string, body: unknown, malformed: boolean): Promise<DevReply> {
    const key = `${req.method} ${pathname}`;
    if (key === 'GET /__dev/health') return { status: 200, body: { ok: true } };
    if (key === 'GET /__dev/requests') return { status: 200, body: log };
    if (key === 'GET /__dev/faults') return { status: 200, body: faults.list() };
    if (key === 'DELETE /__dev/requests' || key === 'DELETE /__dev/faults') {
      if (key === 'DELETE /__dev/requests') log = [];
      else faults.clear();
      return { status: 200, body: { ok: true } };
    }
    if (key === 'POST /__dev/faults') {
      try {
        if (malformed) throw new Error('the body is not valid JSON');
        faults.set(parseFault(body));
        return { status: 200, body: { ok: true, faults: faults.list() } };
      } catch (error) {
        return { status: 400, body: { ok: false, error: (error as Error).message } };
      }
    }
    return { status: 404, body: { ok: false, error: 'Not found' } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = new Date().toISOString();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const parsed = await parseBody(req);
    if (url.pathname.startsWith('/__dev/')) return send(res, await control(req, url.pathname, parsed.body, parsed.malformed));

    const entry: LoggedRequest = {
      method,
      path: url.pathname + url.search,
      status: 0,
      body: parsed.logged,
      headers: flatHeaders(req.headers),
      responseHeaders: {},
      at,
    };
    log.push(entry);
    if (log.length > MAX_LOGGED) log.splice(0, log.length - MAX_LOGGED);
    // The entry is completed before the answer leaves, so a client that reads the log next always sees it.
    const respond = (reply: DevReply): void => {
      entry.status = reply.status;
      send(res, reply);
      entry.responseHeaders = flatHeaders(res.getHeaders());
    };

    const found = match(backends, method, url.pathname);
    if (!found) return respond({ status: 404, body: { error: 'Not found' } });
    const { backend, route, sub, params } = found;
    if (!route) return respond(backend.error(404, 'Not found'));

    const delay = faults.take(backend.name, route.endpoint, ['delay']);
    if (delay) await sleep(delay.delayMs ?? 2000);
    if (faults.take(backend.name, route.endpoint, ['reset'])) {
      // Like a crashed proxy: no status line at all. The log keeps status 0.
      req.socket.destroy();
      return;
    }
    if (parsed.tooLarge) return respond(backend.error(413, 'Request body too large (the limit is 50 MiB per chunk)'));

    const request: DevRequest = {
      method,
      path: sub,
      query: url.searchParams,
      headers: entry.headers,
      body: parsed.body,
      form: parsed.form,
      malformed: parsed.malformed,
    };
    try {
      respond(await backend.dispatch(route, request, params));
    } catch (error) {
      console.error(`dev-backend: ${method} ${url.pathname} failed:`, error);
      respond(backend.error(500, (error as Error).message));
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('dev-backend: request failed:', error);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'Internal server error' } });
      else res.destroy();
    });
  });
  return { server, requests: () => log.map((e) => ({ ...e })), clearRequests: () => void (log = []) };
}
