// The development call server's signalling rules, spoken to with a plain WebSocket client (no browser, no media):
// who is let in, what the others are told, and how a participant is put out.
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEV_CALL_CLOSE, type DevCallServerMessage } from '../../src/shared/call/dev-call-protocol';
import { devCallTokens } from '../support/call-pages';
import { devBackend } from '../support/dev-backend';

const WAIT = { timeout: 15_000, interval: 50 };

/** A signalling client that records what it was sent and how its socket closed. */
async function client(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const received: DevCallServerMessage[] = [];
  const closed: { code?: number } = {};
  ws.on('message', (data) => received.push(JSON.parse(String(data)) as DevCallServerMessage));
  ws.on('close', (code) => (closed.code = code));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const send = (message: object) => ws.send(JSON.stringify(message));
  const join = (participantId: string, token: string) =>
    send({
      type: 'join',
      room: 'r1',
      participantId,
      displayName: participantId,
      token,
      hasAudio: true,
      hasVideo: true,
      audioMuted: false,
      videoMuted: false,
    });
  const got = (type: DevCallServerMessage['type']) => received.filter((m) => m.type === type);
  return { ws, received, closed, send, join, got, end: () => ws.terminate() };
}

async function server() {
  const dev = await devBackend();
  const { callUrl, callTokenUrl } = dev.backend;
  return {
    dev,
    callUrl,
    token: (id: string, ttlSeconds?: number) => devCallTokens(callTokenUrl, ttlSeconds)('r1', id).then((t) => t.token),
  };
}

describe('development call signalling', () => {
  it('tells each participant who is there, who joined, who changed and who left', async () => {
    const { callUrl, token } = await server();
    const a = await client(callUrl);
    const b = await client(callUrl);
    a.join('a', await token('a'));
    await expect
      .poll(() => a.got('joined'), WAIT)
      .toEqual([{ type: 'joined', participantId: 'a', participants: [], expiresAt: expect.any(Number) }]);
    b.join('b', await token('b'));
    await expect.poll(() => b.got('joined').at(0), WAIT).toMatchObject({ participants: [{ id: 'a', hasAudio: true, hasVideo: true }] });
    await expect.poll(() => a.got('participant-joined'), WAIT).toMatchObject([{ participant: { id: 'b', displayName: 'b' } }]);
    // Each is offered the other's media on a connection of its own; the server's SDP carries its candidates.
    await expect.poll(() => a.got('offer').map((m) => m.type === 'offer' && m.from), WAIT).toEqual(['b']);
    await expect.poll(() => b.got('offer').map((m) => m.type === 'offer' && m.from), WAIT).toEqual(['a']);
    expect(a.got('offer')[0]).toMatchObject({ sdp: expect.stringMatching(/a=candidate:.* 127\.0\.0\.1 /) });

    b.send({ type: 'mute', kind: 'audio', muted: true });
    await expect
      .poll(() => a.got('participant-updated'), WAIT)
      .toMatchObject([{ participant: { id: 'b', audioMuted: true, videoMuted: false } }]);
    b.send({ type: 'leave' });
    await expect.poll(() => a.got('participant-left'), WAIT).toEqual([{ type: 'participant-left', participantId: 'b' }]);
    await expect.poll(() => b.closed.code, WAIT).toBe(1000);
    a.end();
  });

  it('puts out a participant who joins again elsewhere, and refuses a watcher who publishes', async () => {
    const { dev, callUrl, token } = await server();
    const first = await client(callUrl);
    const second = await client(callUrl);
    first.join('a', await token('a'));
    await expect.poll(() => first.got('joined').length, WAIT).toBe(1);
    second.join('a', await token('a'));
    await expect.poll(() => first.closed.code, WAIT).toBe(DEV_CALL_CLOSE.replaced);
    expect(first.got('error')).toEqual([
      { type: 'error', code: 'replaced', message: 'the same participant joined again from another connection' },
    ]);
    await expect.poll(() => second.got('joined').length, WAIT).toBe(1);
    second.end();

    const watcherToken = await fetch(dev.backend.callTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'r1', participantId: 'w', role: 'subscriber' }),
    }).then(async (r) => ((await r.json()) as { token: string }).token);
    const watcher = await client(callUrl);
    watcher.join('w', watcherToken);
    await expect.poll(() => watcher.got('joined').length, WAIT).toBe(1);
    watcher.send({ type: 'offer', sdp: 'v=0\r\n' });
    await expect.poll(() => watcher.closed.code, WAIT).toBe(DEV_CALL_CLOSE.rejected);
    expect(watcher.got('error')).toMatchObject([{ code: 'rejected', message: expect.stringContaining('not publishing') }]);
  });

  it('ends a connection that breaks the protocol, and one whose token runs out without renewal', async () => {
    const { callUrl, token } = await server();
    const early = await client(callUrl);
    early.send({ type: 'mute', kind: 'audio', muted: true });
    await expect.poll(() => early.closed.code, WAIT).toBe(DEV_CALL_CLOSE.badRequest);
    expect(early.got('error')).toEqual([{ type: 'error', code: 'bad-request', message: '"mute" before "join"' }]);

    const garbled = await client(callUrl);
    garbled.ws.send('{"type":"join"');
    await expect
      .poll(() => garbled.got('error'), WAIT)
      .toEqual([{ type: 'error', code: 'bad-request', message: 'the message is not JSON' }]);

    // A renewed token keeps the participant in past the first token's end; one not renewed puts it out.
    const renewing = await client(callUrl);
    const lapsing = await client(callUrl);
    renewing.join('r', await token('r', 2));
    lapsing.join('l', await token('l', 2));
    await expect.poll(() => renewing.got('joined').length + lapsing.got('joined').length, WAIT).toBe(2);
    renewing.send({ type: 'renew', token: await token('r', 30) });
    await expect.poll(() => renewing.got('renewed').length, WAIT).toBe(1);
    await expect.poll(() => lapsing.closed.code, WAIT).toBe(DEV_CALL_CLOSE.auth);
    expect(lapsing.got('error')).toMatchObject([{ code: 'auth', message: expect.stringContaining('not renewed') }]);
    expect(renewing.closed.code).toBeUndefined();
    expect(renewing.got('participant-left')).toEqual([{ type: 'participant-left', participantId: 'l' }]);
    renewing.end();
  });

  it('answers WebSocket upgrades only on its path and only for a loopback Host', async () => {
    const { dev } = await server();
    const refused = (url: string, headers?: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
        ws.on('error', (error) => resolve(error.message));
        ws.on('open', () => resolve('open'));
      });
    const base = dev.backend.url.replace('http:', 'ws:');
    expect(await refused(`${base}/call/other`)).toMatch(/404|Unexpected server response/);
    expect(await refused(dev.backend.callUrl, { Host: 'attacker.example' })).toMatch(/404|Unexpected server response/);
    expect(await refused(dev.backend.callUrl)).toBe('open');
  });
});
