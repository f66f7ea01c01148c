import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { listenForTest } from '../support/loopback-server';

interface Echo {
  method: string;
  url: string;
  host: string;
  bytes: number;
  sha256: string;
}

/** An upstream that reads the whole body and answers with what it saw; `x-status` picks the status. */
async function startUpstream(): Promise<{ url: string; completed: () => number }> {
  let completed = 0;
  const server = http.createServer((req, res) => {
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    req.on('end', () => {
      completed++;
      const echo: Echo = { method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', bytes, sha256: hash.digest('hex') };
      res.writeHead(Number(req.headers['x-status'] ?? 200), { 'content-type': 'application/json' }).end(JSON.stringify(echo));
    });
  });
  const url = await listenForTest(server);
  return { url, completed: () => completed };
}

async function setup(): Promise<{ proxy: FaultProxy; upstream: Awaited<ReturnType<typeof startUpstream>> }> {
  const upstream = await startUpstream();
  const proxy = await startFaultProxy({ target: upstream.url });
  onTestFinished(() => proxy.close());
  return { proxy, upstream };
}

interface Reply {
  status: number;
  body: string;
  reusedSocket: boolean;
}

function send(
  base: string,
  opts: { method?: string; path?: string; body?: Buffer; headers?: http.OutgoingHttpHeaders; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(opts.path ?? '/', base), { method: opts.method ?? 'PUT', headers: opts.headers, agent: opts.agent });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), reusedSocket: req.reusedSocket }));
    });
    req.end(opts.body);
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CONNECTION_ERROR = /ECONNRESET|EPIPE|socket hang up/;

describe('fault proxy', () => {
  it('forwards method, path, query, Host and body bytes unchanged, and the upstream status', async () => {
    const { proxy } = await setup();
    const body = randomBytes(3 * 1024 * 1024 + 17);
    const reply = await send(proxy.url, { path: '/bucket/key?partNumber=2&uploadId=abc', body, headers: { 'x-status': '201' } });
    expect(reply.status).toBe(201);
    const echo = JSON.parse(reply.body) as Echo;
    expect(echo).toEqual({
      method: 'PUT',
      url: '/bucket/key?partNumber=2&uploadId=abc',
      host: new URL(proxy.url).host,
      bytes: body.length,
      sha256: sha256(body),
    });
    expect(proxy.bytesReceived()).toBe(body.length);
    expect(proxy.requests()).toEqual([
      { method: 'PUT', url: '/bucket/key?partNumber=2&uploadId=abc', status: 201, requestBytes: body.length, outcome: 'forwarded' },
    ]);
  });

  it('keeps client connections alive across requests', async () => {
    const { proxy } = await setup();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    onTestFinished(() => agent.destroy());
    const first = await send(proxy.url, { body: Buffer.from('one'), agent });
    const second = await send(proxy.url, { body: Buffer.from('two'), agent });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.reusedSocket).toBe(true);
  });

  it('resetEvery cuts a large upload mid-body; the bytes still count, and clearing it forwards again', async () => {
    const { proxy, upstream } = await setup();
    proxy.resetEvery(1024 * 1024);
    const body = randomBytes(8 * 1024 * 1024);
    await expect(send(proxy.url, { body })).rejects.toThrow(CONNECTION_ERROR);
    expect(upstream.completed()).toBe(0);
    const [reset] = proxy.requests();
    expect(reset).toMatchObject({ status: null, outcome: 'reset' });
    expect(reset!.requestBytes).toBeGreaterThanOrEqual(1024 * 1024);
    expect(reset!.requestBytes).toBeLessThan(body.length);
    expect(proxy.bytesReceived()).toBe(reset!.requestBytes);

    proxy.resetEvery(null);
    const ok = await send(proxy.url, { body });
    expect((JSON.parse(ok.body) as Echo).sha256).toBe(sha256(body));
    expect(proxy.bytesReceived()).toBe(reset!.requestBytes + body.length);
  });

  it('resetEvery counts bytes across requests', async () => {
    const { proxy } = await setup();
    proxy.resetEvery(250_000);
    const body = randomBytes(100_000);
    expect((await send(proxy.url, { body })).status).toBe(200);
    expect((await send(proxy.url, { body })).status).toBe(200);
    await expect(send(proxy.url, { body })).rejects.toThrow(CONNECTION_ERROR);
    expect(proxy.requests().map((r) => r.outcome)).toEqual(['forwarded', 'forwarded', 'reset']);
  });

  it('failNext answers matching requests with an S3 XML error, then forwards again', async () => {
    const { proxy, upstream } = await setup();
    proxy.failNext(2, 503, 'SlowDown', (method) => method === 'PUT');
    const body = randomBytes(2 * 1024 * 1024);
    const get = await send(proxy.url, { method: 'GET' });
    expect(get.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const reply = await send(proxy.url, { body });
      expect(reply.status).toBe(503);
      expect(reply.body).toMatch(/<Error><Code>SlowDown<\/Code><Message>[^<]+<\/Message>/);
    }
    expect((await send(proxy.url, { body })).status).toBe(200);
    expect(upstream.completed()).toBe(2);
    expect(proxy.requests().map((r) => [r.outcome, r.status])).toEqual([
      ['forwarded', 200],
      ['injected-error', 503],
      ['injected-error', 503],
      ['forwarded', 200],
    ]);
    expect(proxy.bytesReceived()).toBe(3 * body.length); // the failed requests' bodies were drained

    proxy.failNext(1, 500);
    expect((await send(proxy.url, { method: 'POST' })).body).toContain('<Code>InternalError</Code>');
  });

  it('stall holds each request for the given time; 0 clears it', async () => {
    const { proxy } = await setup();
    proxy.stall(400);
    let started = performance.now();
    await send(proxy.url, { body: Buffer.from('x') });
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    proxy.stall(0);
    started = performance.now();
    await send(proxy.url, { body: Buffer.from('x') });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('capBandwidth paces uploads, shared by all connections', async () => {
    const { proxy } = await setup();
    proxy.capBandwidth(2_000_000);
    let started = performance.now();
    await send(proxy.url, { body: randomBytes(2_000_000) });
    let seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(0.7);
    expect(seconds).toBeLessThan(2);

    started = performance.now();
    await Promise.all([send(proxy.url, { body: randomBytes(1_000_000) }), send(proxy.url, { body: randomBytes(1_000_000) })]);
    seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(0.7);
    expect(seconds).toBeLessThan(2);

    proxy.capBandwidth(null);
    started = performance.now();
    await send(proxy.url, { body: randomBytes(2_000_000) });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('down() fails new and in-flight requests fast, and up() restores the same URL', async () => {
    const { proxy } = await setup();
    const agent = new http.Agent({ keepAlive: true });
    onTestFinished(() => agent.destroy());
    expect((await send(proxy.url, { body: Buffer.from('before'), agent })).status).toBe(200);

    proxy.stall(10_000);
    const inFlight = send(proxy.url, { body: Buffer.from('in flight') });
    await new Promise((resolve) => setTimeout(resolve, 100));
    proxy.down();
    await expect(inFlight).rejects.toThrow(CONNECTION_ERROR);
    expect(proxy.requests().at(-1)).toMatchObject({ status: null, outcome: 'refused' });
    proxy.stall(0);

    const started = performance.now();
    await expect(send(proxy.url, { body: Buffer.from('while down'), agent })).rejects.toThrow(CONNECTION_ERROR);
    await expect(send(proxy.url, { method: 'GET' })).rejects.toThrow(CONNECTION_ERROR);
    expect(performance.now() - started).toBeLessThan(1000);

    proxy.up();
    expect((await send(proxy.url, { body: Buffer.from('after'), agent })).status).toBe(200);
  });
});
