// The development call server (tools/dev-backend/call/) and its browser provider (dev-call.ts), for real: two
// headless Chromium pages with different fake cameras and microphones join one room through the relay; each must
// decode the other's picture and hear the other's tone. Then the failure paths: bad tokens, no server, a silent
// server, and the relay going away and coming back.
import net from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent, CallToken } from '../../src/renderer/features/call/interview-call';
import { callParticipant, devCallTokens, participantMedia, type ParticipantMedia, type TokenFor } from '../support/call-pages';
import type { JoinResult } from '../support/dev-call-page';
import { devBackend, received } from '../support/dev-backend';
import { MIC_HZ } from '../support/fake-devices';
import { serveBrowserBundle, type ServedBundle } from '../support/browser-bundle';
import { tempDir } from '../support/temp-dir';

const OTHER_HZ = 1200;
const TIMEOUT_MS = 8_000;
const WAIT = { timeout: 30_000, interval: 250 };
/** Page A's camera: red left half, blue right half. Page B's: green. */
const SPLIT = 'color=c=red:size=640x480:rate=30,drawbox=x=320:y=0:w=320:h=480:color=blue:t=fill';
const GREEN = 'color=c=green:size=640x480:rate=30';
const LEFT = { x: 0.1, y: 0.2, width: 0.3, height: 0.6 };
const RIGHT = { x: 0.6, y: 0.2, width: 0.3, height: 0.6 };

let bundle: ServedBundle;

beforeAll(async () => {
  bundle = await serveBrowserBundle(path.join(import.meta.dirname, '../support/dev-call-page.ts'));
}, 60_000);
afterAll(() => bundle?.close());

/** Fresh per test: the folder goes when the test ends. */
async function media(): Promise<{ a: ParticipantMedia; b: ParticipantMedia }> {
  const dir = tempDir('irec-dev-call-');
  return { a: await participantMedia(dir, 'a', SPLIT, MIC_HZ), b: await participantMedia(dir, 'b', GREEN, OTHER_HZ) };
}

const join = (page: Page, serverUrl: string, participantId: string, room = 'interview-1'): Promise<JoinResult> =>
  page.evaluate((request) => window.callPage.join(request), { serverUrl, room, participantId, timeoutMs: TIMEOUT_MS });
const events = (page: Page): Promise<CallEvent[]> => page.evaluate(() => window.callPage.events());
const state = (page: Page) => page.evaluate(() => window.callPage.state());
const framesFrom = (page: Page, id: string) => page.evaluate(async (who) => (await window.callPage.stats()).framesDecoded[who] ?? 0, id);
const colour = (page: Page, id: string, region: typeof LEFT) =>
  page.evaluate(([who, r]) => window.callPage.meanColour(who, r), [id, region] as const);
/** dB by which MIC_HZ (A's tone) is louder than OTHER_HZ (B's) in what `page` hears of `id`. */
async function micOverOther(page: Page, id: string): Promise<number> {
  const [mic, other] = await page.evaluate(([who, hz]) => window.callPage.toneLevels(who, hz), [id, [MIC_HZ, OTHER_HZ]] as const);
  return mic! - other!;
}

/** Frames of `id` decoded on `page` keep coming: the count grows between two looks. */
async function expectFramesFlowing(page: Page, id: string) {
  await expect.poll(() => framesFrom(page, id), WAIT).toBeGreaterThan(0);
  const before = await framesFrom(page, id);
  await expect.poll(() => framesFrom(page, id), WAIT).toBeGreaterThan(before + 10);
}

/** A's picture on `page`: red on the left, blue on the right, as A's fake camera draws it. */
async function expectSplitPicture(page: Page) {
  const isRed = (c: { r: number; g: number; b: number } | null) => !!c && c.r > 150 && c.g < 90 && c.b < 90;
  const isBlue = (c: { r: number; g: number; b: number } | null) => !!c && c.b > 150 && c.r < 90 && c.g < 90;
  await expect.poll(async () => isRed(await colour(page, 'a', LEFT)) && isBlue(await colour(page, 'a', RIGHT)), WAIT).toBe(true);
}

/** Two participants in one room: A (split picture, MIC_HZ tone) and B (green, OTHER_HZ). */
async function twoInARoom(tokens: (backendTokenUrl: string) => TokenFor = devCallTokens) {
  const files = await media();
  const dev = await devBackend();
  const a = await callParticipant(bundle.url, files.a, tokens(dev.backend.callTokenUrl));
  const b = await callParticipant(bundle.url, files.b, tokens(dev.backend.callTokenUrl));
  expect(await join(a.page, dev.backend.url, 'a')).toEqual({ ok: true });
  expect(await join(b.page, dev.backend.url, 'b')).toEqual({ ok: true });
  await a.page.evaluate(() => window.callPage.show('b'));
  await b.page.evaluate(() => window.callPage.show('a'));
  return { dev, a: a.page, b: b.page };
}

describe('development call server with two Chromium pages', () => {
  it('carries each page’s picture and tone to the other, with joins, mute state and leaving', { timeout: 180_000 }, async () => {
    // Six-second tokens: the call must renew them (and stay up) while the test runs.
    const { dev, a, b } = await twoInARoom((url) => devCallTokens(url, 6));

    await expectFramesFlowing(b, 'a');
    await expectSplitPicture(b);
    const green = await colour(a, 'b', LEFT);
    expect(green!.g).toBeGreaterThan(green!.r + 60);
    // B hears A's tone and not its own; A hears B's.
    await expect.poll(() => micOverOther(b, 'a'), WAIT).toBeGreaterThan(20);
    await expect.poll(() => micOverOther(a, 'b'), WAIT).toBeLessThan(-20);

    const joinedOnA = (await events(a)).filter((e) => e.type === 'participant-joined');
    expect(joinedOnA.map((e) => e.type === 'participant-joined' && e.participant)).toEqual([
      expect.objectContaining({ id: 'b', displayName: 'Page b', hasAudio: true, hasVideo: true, isLocal: false }),
    ]);

    await a.evaluate(() => window.callPage.setMuted('video', true));
    await expect
      .poll(
        async () => (await events(b)).some((e) => e.type === 'participant-updated' && e.participant.id === 'a' && e.participant.videoMuted),
        WAIT,
      )
      .toBe(true);
    await a.evaluate(() => window.callPage.setMuted('video', false));

    // Renewals: more tokens than the two joins needed, the server accepted them, nobody was put out.
    await expect.poll(() => received(dev.backend, 'POST', '/call/token').length, WAIT).toBeGreaterThanOrEqual(4);
    await expectFramesFlowing(b, 'a');
    for (const page of [a, b]) {
      expect(await state(page)).toBe('connected');
      expect((await events(page)).filter((e) => e.type === 'error' || (e.type === 'state' && e.error))).toEqual([]);
    }

    await b.evaluate(() => window.callPage.leave());
    await expect.poll(async () => (await events(a)).some((e) => e.type === 'participant-left' && e.participantId === 'b'), WAIT).toBe(true);
    expect(await state(b)).toBe('disconnected');
    // Leaving stops the call's copies only: the tracks the interview records are still live.
    expect(await b.evaluate(() => window.callPage.localTracksLive())).toBe(true);
  });

  it('reconnects by itself when the relay stops and comes back, and frames flow again', { timeout: 180_000 }, async () => {
    const { dev, a, b } = await twoInARoom();
    await expectFramesFlowing(b, 'a');

    await dev.stop();
    for (const page of [a, b]) await expect.poll(() => state(page), WAIT).toBe('reconnecting');
    // Down long enough for several refused attempts (backoff from 0.5 s): the pages keep trying, they do not give up.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    for (const page of [a, b]) expect(await state(page)).toBe('reconnecting');
    await dev.restart();
    for (const page of [a, b]) await expect.poll(() => state(page), WAIT).toBe('connected');

    await expectFramesFlowing(b, 'a');
    await expectSplitPicture(b);
    const states = (await events(a)).flatMap((e) => (e.type === 'state' ? [e.state] : []));
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    const drop = (await events(a)).find((e) => e.type === 'state' && e.state === 'reconnecting');
    expect(drop).toMatchObject({ error: { kind: 'dropped' } });
  });
});

describe('development call server refusals', () => {
  it('refuses a wrong, a foreign and an expired token with `auth`', { timeout: 120_000 }, async () => {
    const dev = await devBackend();
    const mint = devCallTokens(dev.backend.callTokenUrl);
    const expiring = await devCallTokens(dev.backend.callTokenUrl, 1)('interview-1', 'a');
    const tokens: CallToken[] = [{ token: 'not-a-token' }, await mint('interview-1', 'b'), expiring];
    let next = 0;
    const { page } = await callParticipant(bundle.url, (await media()).a, async () => tokens[next]!);
    await new Promise((resolve) => setTimeout(resolve, expiring.expiresAt! - Date.now() + 200));

    const results: JoinResult[] = [];
    for (next = 0; next < tokens.length; next += 1) results.push(await join(page, dev.backend.url, 'a'));
    expect(results).toEqual([
      { ok: false, error: { kind: 'auth', detail: expect.stringContaining('malformed') } },
      { ok: false, error: { kind: 'auth', detail: expect.stringContaining('participant "b"') } },
      { ok: false, error: { kind: 'auth', detail: expect.stringContaining('expired') } },
    ]);
    expect(await state(page)).toBe('disconnected');
  });

  it('says `unreachable` with no server and `timeout` when the server never answers', { timeout: 120_000 }, async () => {
    const { page } = await callParticipant(bundle.url, (await media()).a, async () => ({ token: 'unused' }));

    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await join(page, `http://127.0.0.1:${closedPort}`, 'a')).toMatchObject({ ok: false, error: { kind: 'unreachable' } });

    // Accepts the TCP connection and then says nothing, like a stalled proxy: only the join timeout ends the wait.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      expect(await join(page, `http://127.0.0.1:${port}`, 'a')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
