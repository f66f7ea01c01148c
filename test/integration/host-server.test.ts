import fs from 'node:fs';
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
  let launches = 0;
  server = await startHostServer({
    handlers: createHandlerTable(core),
    events: core.events,
    rendererDir: path.dirname(builtFile('renderer/index.html')),
    bridgeFile: builtFile('host/bridge.js'),
    onLaunch: () => launches++,
  });
  return { core, server, launches: () => launches };
}

/** Opens a launch link as a browser's first request would, without following the redirect. */
async function openLink(link: string, headers: Record<string, string> = {}) {
  const response = await fetch(link, { redirect: 'manual', headers });
  return {
    status: response.status,
    location: response.headers.get('location'),
    setCookie: response.headers.get('set-cookie'),
    body: await response.text(),
  };
}

/** The `name=value` a browser sends back after opening a fresh launch link. */
async function signIn(srv: HostServer): Promise<string> {
  const { status, setCookie } = await openLink(srv.launchUrl());
  expect(status).toBe(303);
  return setCookie!.split(';')[0]!;
}

const call = (srv: HostServer, channel: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${srv.origin}${HOST_PROTOCOL.ipcPath}/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Reads an event stream until `until` appears in it (or it ends), then lets go of it. */
async function readEvents(srv: HostServer, headers: Record<string, string>, until: string, emit?: () => void) {
  const controller = new AbortController();
  const response = await fetch(`${srv.origin}${HOST_PROTOCOL.eventsPath}`, { headers, signal: controller.signal });
  if (response.status !== 200) return { status: response.status, text: await response.text() };
  const reader = response.body!.getReader();
  let text = new TextDecoder().decode((await reader.read()).value); // ": connected"
  emit?.();
  while (!text.includes(until)) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  return { status: response.status, text };
}

describe('browser host server', () => {
  it('serves the page with the CSP and the bridge, bound to loopback, and no secret in it', async () => {
    const { server: srv } = await start();
    const cookie = await signIn(srv);
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(srv.url, { headers: { Cookie: cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain(`<script src="${HOST_PROTOCOL.bridgePath}"></script>`);
    expect(html).not.toContain('irec-token');
    expect(html).not.toContain(cookie.split('=')[1]);
  });

  it('answers a call from its own page', async () => {
    const { server: srv } = await start();
    const cookie = await signIn(srv);
    const response = await call(srv, 'listRecordings', { payload: { limit: 5 } }, { Origin: srv.origin, Cookie: cookie });
    expect(await response.json()).toEqual({ ok: true, value: [] });
  });

  it('refuses another origin, even with the session cookie, and a call with no origin', async () => {
    const { server: srv } = await start();
    const cookie = await signIn(srv);
    const otherPort = `http://127.0.0.1:${Number(new URL(srv.origin).port) + 1}`;
    for (const origin of ['https://evil.example', otherPort]) {
      const response = await call(srv, 'getAppInfo', {}, { Origin: origin, Cookie: cookie });
      expect(response.status, origin).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect((await call(srv, 'getAppInfo', {}, { Cookie: cookie })).status).toBe(403);
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
    const { server: srv } = await start();
    const cookie = await signIn(srv);
    const response = await call(srv, 'listRecordings', { payload: { limit: -1 } }, { Origin: srv.origin, Cookie: cookie });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', issues: [{ path: 'limit' }] } });
  });

  it('serves nothing outside the renderer folder', async () => {
    const { server: srv } = await start();
    const cookie = await signIn(srv);
    for (const probe of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const response = await fetch(`${srv.origin}${probe}`, { headers: { Cookie: cookie } });
      expect(response.status, probe).toBe(404);
    }
    expect(distDir).toBeTruthy();
  });

  it('streams contract events to the page', async () => {
    const { core, server: srv } = await start();
    const cookie = await signIn(srv);
    const { status, text } = await readEvents(srv, { Cookie: cookie }, 'rec-9', () =>
      core.events.emit('recordingsChanged', { recordingId: 'rec-9' }),
    );
    expect(status).toBe(200);
    expect(text).toContain(`data: ${JSON.stringify({ event: 'recordingsChanged', payload: { recordingId: 'rec-9' } })}\n\n`);
  });

  it('replays the last seconds of events to a stream that connects late', async () => {
    const { core, server: srv } = await start();
    const cookie = await signIn(srv);
    core.events.emit('recordingsChanged', { recordingId: 'rec-before-connect' });
    const { text } = await readEvents(srv, { Cookie: cookie }, 'rec-before-connect');
    expect(text).toContain(`data: ${JSON.stringify({ event: 'recordingsChanged', payload: { recordingId: 'rec-before-connect' } })}`);
  });
});

describe("the browser host's access: a one-time launch link, then a session cookie", () => {
  it('shows nothing usable without the cookie: every path answers 403 with a plain page holding no script or secret', async () => {
    const { server: srv } = await start();
    const unused = new URL(srv.launchUrl()).searchParams.get(HOST_PROTOCOL.launchParam)!;
    const session = (await signIn(srv)).split('=')[1]!;
    const asset = fs.readdirSync(path.join(distDir, 'renderer', 'assets')).find((name) => name.endsWith('.js'))!;
    for (const probe of ['/', '/index.html', `/assets/${asset}`, '/favicon.svg', HOST_PROTOCOL.bridgePath, '/missing', '/?launch']) {
      const response = await fetch(`${srv.origin}${probe}`);
      const body = await response.text();
      expect(response.status, probe).toBe(403);
      expect(response.headers.get('content-type'), probe).toBe('text/html; charset=utf-8');
      expect(body, probe).toContain('Open the link printed in the terminal where <code>npm start</code> or <code>npm run host</code> runs');
      for (const unwanted of ['<script', 'bridge.js', 'irec-token', unused, session]) expect(body, probe).not.toContain(unwanted);
    }
  });

  it('refuses calls and the event stream without the cookie, or with a wrong one', async () => {
    const { core, server: srv } = await start();
    await signIn(srv);
    const name = `irec-session-${new URL(srv.origin).port}`;
    for (const headers of [{} as Record<string, string>, { Cookie: `${name}=${'A'.repeat(32)}` }, { Cookie: `${name}=` }]) {
      const response = await call(srv, 'listRecordings', { payload: { limit: 5 } }, { Origin: srv.origin, ...headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: 'No browser host session: open the link it printed.' },
      });
      core.events.emit('recordingsChanged', { recordingId: 'rec-secret' });
      const events = await readEvents(srv, headers, '');
      expect(events.status).toBe(403);
      expect(events.text).not.toContain('rec-secret');
    }
  });

  it('refuses the event stream to a page of another origin that holds the cookie (cookies ignore ports)', async () => {
    const { server: srv } = await start();
    const cookie = await signIn(srv);
    const otherPort = `http://127.0.0.1:${Number(new URL(srv.origin).port) + 1}`;
    expect((await readEvents(srv, { Cookie: cookie, Origin: otherPort }, '')).status).toBe(403);
    expect((await readEvents(srv, { Cookie: cookie, 'Sec-Fetch-Site': 'same-site' }, '')).status).toBe(403);
    expect((await readEvents(srv, { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' }, ': connected')).status).toBe(200);
  });

  it('redeems a launch link once, redirecting to the page with the cookie; a used or wrong link is refused', async () => {
    const { server: srv, launches } = await start();
    const link = srv.launchUrl();
    // A HEAD (a link preview, say) does not use the link up.
    expect((await fetch(link, { method: 'HEAD', redirect: 'manual' })).status).toBe(403);
    const first = await openLink(link);
    expect(first).toMatchObject({ status: 303, location: '/' });
    expect(first.setCookie).toMatch(/^irec-session-\d+=[\w-]{32};/);
    expect(launches()).toBe(1);

    const again = await openLink(link);
    expect(again).toMatchObject({ status: 403, setCookie: null });
    expect(again.body).toContain('This link has been used already');
    const wrong = await openLink(link.replace(/launch=.*/, `launch=${'x'.repeat(32)}`));
    expect(wrong).toMatchObject({ status: 403, setCookie: null });
    expect(launches()).toBe(1);

    // The browser that holds the session may open the used link again (from its history): it just gets the page.
    const cookie = first.setCookie!.split(';')[0]!;
    expect(await openLink(link, { Cookie: cookie })).toMatchObject({ status: 303, location: '/', setCookie: null });
    expect((await fetch(srv.url, { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Strict, Path=/ cookie with no Domain, the same for every link of the run', async () => {
    const { server: srv, launches } = await start();
    const { setCookie } = await openLink(srv.launchUrl());
    const [pair, ...attributes] = setCookie!.split(';').map((part) => part.trim());
    expect(pair).toMatch(new RegExp(`^irec-session-${new URL(srv.origin).port}=[\\w-]{32}$`));
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    // Several windows: each fresh link works once, and all of them carry this run's session.
    const second = await openLink(srv.launchUrl());
    expect(second.setCookie!.split(';')[0]).toBe(pair);
    expect(launches()).toBe(2);
  });

  it("refuses another run's cookie: the session is random per run", async () => {
    const first = await start();
    const cookie = await signIn(first.server);
    await first.server.close();
    const { server: srv } = await start();
    const replayed = cookie.replace(/^irec-session-\d+/, `irec-session-${new URL(srv.origin).port}`);
    expect((await fetch(srv.url, { headers: { Cookie: replayed } })).status).toBe(403);
  });
});
