import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { startHostServer, type HostServer } from '../../src/host/server';
import { HOST_PROTOCOL } from '../../src/host/host-protocol';
import { builtFile, distDir } from '../support/built';
import { createTestCore } from '../support/test-core';

let server: HostServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const core = createTestCore();
  server = await startHostServer({
    handlers: createHandlerTable(core),
    events: core.events,
    rendererDir: path.dirname(builtFile('renderer/index.html')),
    bridgeFile: builtFile('host/bridge.js'),
  });
  const page = await fetch(server.url);
  const token = /name="irec-token" content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return { core, server, token, page };
}

const call = (srv: HostServer, channel: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${srv.origin}${HOST_PROTOCOL.ipcPath}/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser host server', () => {
  it('serves the page with the CSP and a session token, bound to loopback', async () => {
    const { server: srv, token, page } = await start();
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers a call from its own page', async () => {
    const { server: srv, token } = await start();
    const response = await call(
      srv,
      'listRecordings',
      { payload: { limit: 5 } },
      { Origin: srv.origin, [HOST_PROTOCOL.tokenHeader]: token },
    );
    expect(await response.json()).toEqual({ ok: true, value: [] });
  });

  it('refuses another origin, even with the token', async () => {
    const { server: srv, token } = await start();
    const response = await call(srv, 'getAppInfo', {}, { Origin: 'https://evil.example', [HOST_PROTOCOL.tokenHeader]: token });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses a call without the session token', async () => {
    const { server: srv } = await start();
    expect((await call(srv, 'getAppInfo', {}, { Origin: srv.origin })).status).toBe(403);
    expect((await call(srv, 'getAppInfo', {}, { Origin: srv.origin, [HOST_PROTOCOL.tokenHeader]: 'guess' })).status).toBe(403);
  });

  it('refuses a request whose Host header names another site (DNS rebinding)', async () => {
    const { server: srv } = await start();
    const http = await import('node:http');
    const status = await new Promise<number | undefined>((resolve) => {
      http.get({ host: '127.0.0.1', port: new URL(srv.origin).port, path: '/', headers: { Host: 'attacker.example' } }, (res) =>
        resolve(res.statusCode),
      );
    });
    expect(status).toBe(403);
  });

  it('returns the typed INVALID_PAYLOAD error for a bad payload', async () => {
    const { server: srv, token } = await start();
    const response = await call(
      srv,
      'listRecordings',
      { payload: { limit: -1 } },
      { Origin: srv.origin, [HOST_PROTOCOL.tokenHeader]: token },
    );
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'limit' }] } });
  });

  it('serves nothing outside the renderer folder', async () => {
    const { server: srv } = await start();
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const response = await fetch(`${srv.origin}${probe}`);
      expect(response.status, probe).toBe(404);
    }
    expect(distDir).toBeTruthy();
  });

  it('streams contract events to the page', async () => {
    const { core, server: srv, token } = await start();
    const controller = new AbortController();
    const response = await fetch(`${srv.origin}/__irec/events?token=${token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    core.events.emit('recordingsChanged', { recordingId: 'rec-9' });
    const { value } = await reader.read();
    controller.abort();
    expect(new TextDecoder().decode(value)).toBe(
      `data: ${JSON.stringify({ event: 'recordingsChanged', payload: { recordingId: 'rec-9' } })}\n\n`,
    );
  });

  it('replays the last seconds of events to a stream that connects late', async () => {
    const { core, server: srv, token } = await start();
    core.events.emit('recordingsChanged', { recordingId: 'rec-before-connect' });
    const controller = new AbortController();
    const response = await fetch(`${srv.origin}/__irec/events?token=${token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('rec-before-connect')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain(`data: ${JSON.stringify({ event: 'recordingsChanged', payload: { recordingId: 'rec-before-connect' } })}`);
  });
});
