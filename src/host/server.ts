import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher, type Dispatch, type DispatcherOptions, type HandlerTable } from '../core/ipc/dispatcher';
import type { EventBus } from '../core/event-bus';
import { SECURITY_HEADERS } from '../core/security/csp';
import { unpackFrame } from '../shared/ipc/binary-frame';
import { decodeBinary, encodeBinary } from '../shared/ipc/binary-json';
import { createHostAccess, type HostAccess } from './host-access';
import { HOST_PROTOCOL } from './host-protocol';
import { fromOwnPage, isLaunch, NO_SESSION_MESSAGE, openSession, refusalPage } from './launch-gate';
import { injectBridge, readStatic } from './static-files';
import { isLocalMediaPath, type MediaReply } from '../core/services/review/local-media';

export interface HostServerOptions {
  handlers: HandlerTable;
  onInternalError?: DispatcherOptions['onInternalError'];
  /** The core's redaction (`core.redact`): every answer to the page passes it; the event bus redacts events. */
  redact?: DispatcherOptions['redact'];
  events: EventBus;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** The built bridge script (`dist/host/bridge.js`). */
  bridgeFile: string;
  port?: number;
  /** Called each time a launch link is used, e.g. to print a fresh one for another window. */
  onLaunch?: () => void;
  /** A used launch link carried an interview link (`&link=…`): the core's `links.offer`. Untrusted, parsed there. */
  onLink?: (link: string) => void;
  /** The headers of the app's page and files: `securityHeadersFor(config)` (the configured call servers); no remote origin by default. */
  pageHeaders?: Readonly<Record<string, string>>;
  /** The local media route (finalized recordings for the review player): `localMediaReply` over the core's review. */
  localMedia?: (pathname: string, range: string | null, head: boolean) => MediaReply;
}

export interface HostServer {
  url: string;
  origin: string;
  /** The trusted origins the dispatcher accepts: this server's own, by IP and by name. */
  trustedOrigins: string[];
  /** A fresh one-time launch link (`/?launch=<secret>`): opening it gives that browser this run's session cookie. */
  launchUrl(): string;
  close(): Promise<void>;
}

// A 16 MiB chunk (the contract's limit) is about 21.4 MiB as base64.
const MAX_BODY_BYTES = 24 * 1024 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

const forbidden = (res: http.ServerResponse, message: string) =>
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN_SENDER', message } });

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  let size = 0;
  const parts: Buffer[] = [];
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts);
}

const REPLAY_MS = 10_000;

/** A launch link was redeemed: its interview link, if any, is handed on before the page loads and asks for it. */
function launched(url: URL, options: HostServerOptions): void {
  const link = url.searchParams.get(HOST_PROTOCOL.linkParam);
  if (link) options.onLink?.(link);
  options.onLaunch?.();
}

/** What a request is checked against; filled in once the server listens and knows its port. */
interface Gate {
  access: HostAccess;
  hosts: string[];
  trustedOrigins: string[];
  dispatch: Dispatch;
}

/** A `window.api` call (the session cookie checked already): POST, from this server's origin; a frame or JSON. */
async function handleIpcCall(req: http.IncomingMessage, res: http.ServerResponse, url: URL, gate: Gate): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'POST only.' } });
  const origin = req.headers.origin ?? null;
  if (!origin || !gate.trustedOrigins.includes(origin)) return forbidden(res, `Calls from ${origin ?? 'no origin'} are not allowed.`);
  const raw = await readBody(req);
  let body: { payload?: unknown };
  try {
    if (raw === null) throw new Error('Request too large.');
    // The bridge sends frames; plain JSON (bytes as base64) is accepted too, e.g. from scripts and tests.
    body = (
      req.headers['content-type'] === HOST_PROTOCOL.frameType ? unpackFrame(raw) : decodeBinary(JSON.parse(raw.toString('utf8')))
    ) as {
      payload?: unknown;
    };
  } catch (error) {
    const message = raw === null ? 'Request too large.' : `Request body is not a valid call (${(error as Error).message}).`;
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_PAYLOAD', message } });
  }
  const channel = url.pathname.slice(HOST_PROTOCOL.ipcPath.length + 1);
  return sendJson(res, 200, encodeBinary(await gate.dispatch(channel, body?.payload, { origin, isMainFrame: true })));
}

/** The renderer's files and the bridge script, the page with the bridge injected (the session checked already). */
async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: HostServerOptions) {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendJson(res, 405, { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'GET only.' } });
  if (url.pathname === HOST_PROTOCOL.bridgePath) {
    const body = await fs.readFile(options.bridgeFile);
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    return void res.end(body);
  }
  const isPage = url.pathname === '/' || url.pathname === '/index.html';
  const file = await readStatic(options.rendererDir, isPage ? '/index.html' : url.pathname);
  if (!file) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
  const body = isPage ? injectBridge(file.body.toString('utf8'), HOST_PROTOCOL.bridgePath) : file.body;
  const headers = options.pageHeaders ?? SECURITY_HEADERS;
  res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': isPage ? 'no-store' : 'private, max-age=3600', ...headers });
  res.end(body);
}

/** A finalized recording's file for the review player (the session checked already), with Range for seeking. */
function serveLocalMedia(req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: HostServerOptions): void {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendJson(res, 405, { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'GET only.' } });
  const reply = options.localMedia?.(url.pathname, req.headers.range ?? null, req.method === 'HEAD');
  if (!reply || reply.status === 404) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });
  res.writeHead(reply.status, { ...reply.headers, ...SECURITY_HEADERS });
  if (!reply.body) return void res.end();
  reply.body.on('error', () => res.destroy());
  reply.body.pipe(res);
}

/**
 * Events of the last seconds, replayed to a stream that connects late: a page that asked for state just before
 * an event, but connected its stream just after, would otherwise never hear of it. Electron's IPC has no such gap.
 */
function eventStreams(events: EventBus) {
  const recent: Array<{ at: number; data: string }> = [];
  const unsubscribeRecent = events.subscribe((event, payload) => {
    const now = Date.now();
    recent.push({ at: now, data: `data: ${JSON.stringify({ event, payload })}\n\n` });
    while (recent.length && recent[0]!.at < now - REPLAY_MS) recent.shift();
  });
  return {
    open(req: http.IncomingMessage, res: http.ServerResponse): void {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      for (const { at, data } of recent) if (at >= Date.now() - REPLAY_MS) res.write(data);
      const unsubscribe = events.subscribe((event, payload) => res.write(`data: ${JSON.stringify({ event, payload })}\n\n`));
      req.on('close', unsubscribe);
    },
    close: unsubscribeRecent,
  };
}

/**
 * Serves the renderer and bridges `window.api` to the dispatcher, on 127.0.0.1 only. Three locks: the Host
 * header must name this server (no DNS rebinding); every request, files included, carries the session cookie that
 * only a browser which opened a one-time launch link holds; calls and events come from this server's own Origin.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const gate: Gate = {
    // Replaced once the port is known (the cookie names it); until then `hosts` is empty and refuses everything.
    access: createHostAccess(0),
    hosts: [],
    trustedOrigins: [],
    dispatch: () => Promise.reject(new Error('Browser host not listening yet.')),
  };
  const streams = eventStreams(options.events);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!gate.hosts.includes(req.headers.host ?? '')) return forbidden(res, 'Unknown Host header.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (isLaunch(req, url)) return openSession(req, res, url, gate.access, () => launched(url, options));
    const isCall = url.pathname.startsWith(`${HOST_PROTOCOL.ipcPath}/`);
    if (!gate.access.hasSession(req))
      return isCall ? forbidden(res, 'No browser host session: open the link it printed.') : refusalPage(res, NO_SESSION_MESSAGE);
    if (isCall) return handleIpcCall(req, res, url, gate);
    if (url.pathname === HOST_PROTOCOL.eventsPath) {
      if (!fromOwnPage(req, gate.trustedOrigins)) return forbidden(res, 'Events are for this server’s own page.');
      return streams.open(req, res);
    }
    if (isLocalMediaPath(url.pathname)) return serveLocalMedia(req, res, url, options);
    return serveStatic(req, res, url, options);
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Browser host error.' } }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  gate.access = createHostAccess(port);
  gate.hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  gate.trustedOrigins = gate.hosts.map((host) => `http://${host}`);
  gate.dispatch = createDispatcher({
    handlers: options.handlers,
    trustedOrigins: gate.trustedOrigins,
    onInternalError: options.onInternalError,
    redact: options.redact,
  });
  const origin = gate.trustedOrigins[0]!;
  return {
    url: `${origin}/`,
    origin,
    trustedOrigins: gate.trustedOrigins,
    launchUrl: () => `${origin}/?${HOST_PROTOCOL.launchParam}=${gate.access.issueLaunchSecret()}`,
    close: () =>
      new Promise((resolve) => {
        streams.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
