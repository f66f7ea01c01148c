// A fault-injecting HTTP forward proxy for tests and benchmarks of the S3 upload queue: it sits between the
// client and an s3rver and can reset connections mid-body, inject S3 error responses, stall, cap bandwidth and
// drop the whole "network". Bodies are streamed (never buffered whole) so resets land mid-part.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProxiedRequest {
  method: string;
  url: string;
  /** null: reset or dropped before a response. */
  status: number | null;
  /** Body bytes received from the client. */
  requestBytes: number;
  /** 'reset': resetEvery fired, or the client or upstream connection broke; 'refused': cut off by down(). */
  outcome: 'forwarded' | 'reset' | 'injected-error' | 'refused';
}

export interface FaultProxy {
  /** e.g. http://127.0.0.1:PORT — clients use it as their endpoint. */
  url: string;
  /** Body bytes received from clients, over all requests, including those of requests that were reset. */
  bytesReceived(): number;
  /** Records are pushed when a request arrives and updated in place as it progresses. */
  requests(): readonly ProxiedRequest[];
  /** Destroy the client connection once this many more request-body bytes have passed, repeating every `everyBytes` (cumulative across requests) until cleared; null clears. */
  resetEvery(everyBytes: number | null): void;
  /** The next `count` requests matching `match` (default: all) get this status with an S3-style XML error body instead of being forwarded; request body is drained first. */
  failNext(count: number, status: number, code?: string, match?: (method: string, url: string) => boolean): void;
  /** The next `count` matching requests get this status and XML body instead of being forwarded (a store's answer the upstream cannot give). */
  answerNext(count: number, status: number, body: string, match: (method: string, url: string) => boolean): void;
  /** Hold each request's body for `ms` before forwarding (a stall); 0 clears. */
  stall(ms: number): void;
  /** Cap client→upstream body throughput in bytes per second, shared by all connections; null removes the cap. */
  capBandwidth(bytesPerSecond: number | null): void;
  /** Network down: new connections are accepted and reset at once, open ones destroyed; `up()` restores. Same port. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

const DEFAULT_CODES: Record<number, string> = { 403: 'AccessDenied', 404: 'NoSuchKey', 500: 'InternalError', 503: 'ServiceUnavailable' };
// Hop-by-hop headers belong to one connection. `expect` too: the proxy has already answered 100-continue itself,
// and SigV4 never signs it.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'expect'];

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

/** Shared token bucket. Tokens are computed lazily from the clock, so timer lateness costs no throughput. */
class TokenBucket {
  private rate: number | null = null;
  private tokens = 0;
  private last = performance.now();
  private queue: Promise<void> = Promise.resolve();

  setRate(rate: number | null): void {
    this.rate = rate;
    this.tokens = 0;
    this.last = performance.now();
  }

  /** Slices of ~10 ms worth keep the flow smooth rather than one socket-read burst at a time. */
  sliceBytes(): number {
    return this.rate === null ? Infinity : Math.max(512, Math.floor(this.rate / 100));
  }

  /** Waits for `n` tokens (n ≤ sliceBytes()); callers are served first come first served. */
  take(n: number): Promise<void> {
    const turn = this.queue.then(() => this.waitFor(n));
    this.queue = turn;
    return turn;
  }

  private async waitFor(n: number): Promise<void> {
    for (;;) {
      const rate = this.rate;
      if (rate === null) return;
      const now = performance.now();
      // Cap idle accumulation at 50 ms worth, so a pause does not turn into a long burst.
      this.tokens = Math.min(Math.max(n, rate * 0.05), this.tokens + ((now - this.last) * rate) / 1000);
      this.last = now;
      if (this.tokens >= n) {
        this.tokens -= n;
        return;
      }
      // Wake at most every 20 ms so a changed or removed cap takes effect promptly.
      await sleep(Math.min(20, Math.max(1, ((n - this.tokens) * 1000) / rate)));
    }
  }
}

export async function startFaultProxy(options: { target: string; port?: number }): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:') throw new Error(`fault proxy forwards to http only, got ${options.target}`);
  const basePath = target.pathname.replace(/\/$/, '');
  // No upstream keep-alive: reusing a socket the upstream is just closing would surface as a spurious reset.
  const agent = new http.Agent({ keepAlive: false });
  const bucket = new TokenBucket();
  const records: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const inFlight = new Set<(outcome: ProxiedRequest['outcome']) => void>();
  const failRules: { left: number; status: number; code: string; body?: string; match: (method: string, url: string) => boolean }[] = [];
  let totalBytes = 0;
  let resetInterval: number | null = null;
  let resetLeft = 0;
  let stallMs = 0;
  let isDown = false;

  const server = http.createServer({ requestTimeout: 0, keepAliveTimeout: 30_000 }, (req, res) => {
    const socket = req.socket;
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      status: null,
      requestBytes: 0,
      outcome: 'forwarded',
    };
    records.push(record);
    let upstream: http.ClientRequest | undefined;
    let settled = false;
    const settle = () => {
      settled = true;
      inFlight.delete(kill);
    };
    // RST rather than FIN, so the client sees ECONNRESET as it would on a real network fault.
    function kill(outcome: ProxiedRequest['outcome']): void {
      if (settled) return;
      settle();
      record.outcome = outcome;
      if (!socket.destroyed) socket.resetAndDestroy();
      upstream?.destroy();
    }
    inFlight.add(kill);
    res.on('close', () => (res.writableFinished ? settle() : kill('reset')));

    // Counts body bytes as they arrive, fires resetEvery, and meters them through the bandwidth cap.
    async function* meter(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        totalBytes += chunk.length;
        record.requestBytes += chunk.length;
        if (resetInterval !== null && (resetLeft -= chunk.length) <= 0) {
          resetLeft = resetInterval;
          kill('reset');
          throw new Error('fault proxy: injected reset');
        }
        const slice = bucket.sliceBytes();
        for (let at = 0; at < chunk.length; at += slice) {
          const part = chunk.subarray(at, at + slice);
          await bucket.take(part.length);
          yield part;
        }
      }
    }

    const rule = failRules.find((r) => r.match(record.method, record.url));
    if (rule && --rule.left === 0) failRules.splice(failRules.indexOf(rule), 1);

    void (async () => {
      if (stallMs > 0) await sleep(stallMs);
      if (settled) return;
      if (rule) {
        try {
          for await (const _ of meter(req)) {
            // Drained: the injected error answers a fully sent request, as S3's would.
          }
        } catch {
          return kill('reset');
        }
        record.outcome = 'injected-error';
        record.status = rule.status;
        const body =
          rule.body ??
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${rule.code}</Code><Message>Injected by fault proxy</Message><RequestId>fault-${records.length}</RequestId></Error>`;
        res.writeHead(rule.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) }).end(body);
        return;
      }
      upstream = http.request({
        agent,
        hostname: target.hostname,
        port: target.port,
        method: record.method,
        path: basePath + record.url,
        headers: endToEnd(req.headers), // Host included, unchanged: SigV4 signed the proxy's host:port
      });
      upstream.on('error', () => kill('reset'));
      upstream.on('response', (upRes: IncomingMessage) => {
        record.status = upRes.statusCode ?? 502;
        res.writeHead(record.status, endToEnd(upRes.headers));
        pipeline(upRes, res, (err) => err && kill('reset'));
      });
      pipeline(req, meter, upstream, (err) => err && kill('reset'));
    })();
  });

  server.on('connection', (socket: Socket) => {
    if (isDown) return void socket.resetAndDestroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const dropAll = (outcome: ProxiedRequest['outcome']) => {
    for (const kill of [...inFlight]) kill(outcome);
    for (const socket of sockets) socket.resetAndDestroy(); // idle keep-alive connections too
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    bytesReceived: () => totalBytes,
    requests: () => records,
    resetEvery(everyBytes) {
      resetInterval = everyBytes;
      resetLeft = everyBytes ?? 0;
    },
    failNext(count, status, code = DEFAULT_CODES[status] ?? 'InternalError', match = () => true) {
      if (count > 0) failRules.push({ left: count, status, code, match });
    },
    answerNext(count, status, body, match) {
      if (count > 0) failRules.push({ left: count, status, code: '', body, match });
    },
    stall(ms) {
      stallMs = ms;
    },
    capBandwidth(bytesPerSecond) {
      bucket.setRate(bytesPerSecond);
    },
    down() {
      isDown = true;
      dropAll('refused');
    },
    up() {
      isDown = false;
    },
    async close() {
      isDown = true;
      bucket.setRate(null);
      dropAll('reset');
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
