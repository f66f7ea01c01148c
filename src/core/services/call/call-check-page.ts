// The loopback server behind `irec call check`'s browser page: it serves the page (dist/call-check/), hands it the
// join information and tokens, and takes its reports. Everything lives under a random one-time prefix, so no
// other page or process on this machine can guess where to ask for a token.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type PageStep = 'ready' | 'joined' | 'left';

/** What the page reports for a step (call-check-page.ts in the renderer writes these). */
export interface PageReport {
  ok: boolean;
  ms?: number;
  error?: { kind: string; detail: string };
  /** Joined: other participants already in the channel. */
  others?: number;
  state?: string;
}

export interface CheckPageOptions {
  /** The bundled page script. */
  script: Buffer;
  /** Join information for the page (JSON). */
  setup: unknown;
  /** A token for the page, or `{error}` for it to fail with. */
  token(): Promise<unknown>;
}

export interface CheckPage {
  url: string;
  /** The page's report of `step`; a report of `failed` (the page broke) answers every step. */
  report(step: PageStep): Promise<PageReport>;
  close(): Promise<void>;
}

const HTML =
  '<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="call-check.js"></script></body></html>';
const MAX_BODY = 16_384;

function readJson(req: http.IncomingMessage): Promise<PageReport> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body = (body + chunk.toString()).slice(0, MAX_BODY)));
    req.on('end', () => {
      try {
        resolve(JSON.parse(body) as PageReport);
      } catch {
        resolve({ ok: false, error: { kind: 'rejected', detail: 'the page sent a report that is not JSON' } });
      }
    });
  });
}

function reports() {
  const waiting = new Map<string, { promise: Promise<PageReport>; resolve: (report: PageReport) => void }>();
  const entry = (step: string) => {
    if (!waiting.has(step)) {
      let resolve!: (report: PageReport) => void;
      const promise = new Promise<PageReport>((done) => (resolve = done));
      waiting.set(step, { promise, resolve });
    }
    return waiting.get(step)!;
  };
  return {
    wait: (step: PageStep) => Promise.race([entry(step).promise, entry('failed').promise]),
    arrived: (step: string, report: PageReport) => entry(step).resolve(report),
  };
}

export async function serveCheckPage(options: CheckPageOptions): Promise<CheckPage> {
  const prefix = `/${randomBytes(16).toString('hex')}/`;
  const steps = reports();
  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const name = req.url?.startsWith(prefix) ? req.url.slice(prefix.length) : undefined;
    if (req.method === 'GET' && name === '') return send(res, 200, 'text/html; charset=utf-8', HTML);
    if (req.method === 'GET' && name === 'call-check.js') return send(res, 200, 'text/javascript; charset=utf-8', options.script);
    if (req.method === 'GET' && name === 'setup') return send(res, 200, 'application/json', JSON.stringify(options.setup));
    if (req.method === 'POST' && name === 'token')
      return void options.token().then((answer) => send(res, 200, 'application/json', JSON.stringify(answer)));
    if (req.method === 'POST' && name && ['ready', 'joined', 'left', 'failed'].includes(name))
      return void readJson(req).then((report) => {
        steps.arrived(name, report);
        send(res, 204, 'text/plain', '');
      });
    send(res, 404, 'text/plain', 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`,
    report: steps.wait,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
